import { AsyncLocalStorage } from 'node:async_hooks';

/** The language of messages, summaries and reports: Chinese for the HR staff who fix rows, or English. */
export type Lang = 'zh' | 'en';

/** `zh` when the locale (LC_ALL, then LC_MESSAGES, then LANG, as POSIX orders them) is Chinese. */
export function localeLang(env: NodeJS.ProcessEnv): Lang | undefined {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  if (locale === '' || locale === 'C' || locale === 'POSIX' || locale.startsWith('C.')) return undefined;
  return /^zh([_.@-]|$)/i.test(locale) ? 'zh' : 'en';
}

/**
 * `--lang` when given; else Chinese when the file's template columns carry their Chinese names
 * (the people who fix it read Chinese), else the locale's language, else English.
 */
function chooseLang(explicit: Lang | undefined, chineseHeaders: boolean, locale: Lang | undefined): Lang {
  return explicit ?? (chineseHeaders ? 'zh' : (locale ?? 'en'));
}

/**
 * What one run speaks: its language and how it names columns. Held per run (AsyncLocalStorage),
 * so two library calls in one process, in two languages, never mix; set at the API's boundary
 * and settled once the input's headers are known.
 */
interface Speech {
  lang: Lang;
  readonly explicit: boolean;
  readonly locale?: Lang;
  /** A template column as the input names it. */
  columnName?: (column: string) => string | undefined;
  /** The CLI runs it: messages name its flags and environment; else the library's options. */
  readonly cli?: boolean;
}

const speech = new AsyncLocalStorage<Speech>();

export function speaking<T>(options: { lang?: Lang; locale?: Lang; cli?: boolean }, run: () => T): T {
  return speech.run(
    {
      lang: chooseLang(options.lang, false, options.locale),
      explicit: options.lang !== undefined,
      locale: options.locale,
      cli: options.cli === true,
    },
    run,
  );
}

/** Once the input is read: Chinese headers make a run without `--lang` speak Chinese; columns are named as the file names them. */
export function settleSpeech(chineseHeaders: boolean, columnName: (column: string) => string | undefined): void {
  const s = speech.getStore();
  if (!s) return;
  if (!s.explicit) s.lang = chooseLang(undefined, chineseHeaders, s.locale);
  s.columnName = columnName;
}

/** The language of the run this is called within, once one has begun (progress printed from its requests). */
export function runLang(): Lang | undefined {
  return speech.getStore()?.lang;
}

/** Whether the CLI runs this: its words are flags (`--resume`) and environment variables. */
export function cliSpeaking(): boolean {
  return speech.getStore()?.cli === true;
}

/** An option as its caller names it: `--dry-run` to the CLI, `dryRun` to a program calling the library. */
export function optionName(name: string): string {
  return cliSpeaking() ? `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}` : name;
}

export function currentLang(): Lang {
  return speech.getStore()?.lang ?? 'en';
}

/** A template column as the input names it; without an input, by its template name in the run's language. */
export function namedColumn(column: string, chinese: string | undefined): string {
  return speech.getStore()?.columnName?.(column) ?? (currentLang() === 'zh' && chinese ? chinese : column);
}
