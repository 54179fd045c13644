import { type Lang, localeLang } from '../lang.js';

/** The language the CLI speaks before a run knows its file's: `--lang`, else the locale's, else English. */
export function cliLang(argv: readonly string[], env: NodeJS.ProcessEnv): Lang {
  const at = argv.indexOf('--lang');
  const flag = at >= 0 ? argv[at + 1] : argv.find((a) => a.startsWith('--lang='))?.slice('--lang='.length);
  return flag === 'zh' || flag === 'en' ? flag : (localeLang(env) ?? 'en');
}
