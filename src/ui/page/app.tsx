/** The page: one flow from choosing a file to the result and its undo, following the server's run. */
import { useEffect, useState } from 'preact/hooks';
import type { EarlierRun, Mode, RunAction, RunView, StateAnswer, UploadAnswer } from '../views.js';
import { CallError, followRuns, getState, startRun, stopRun, upload as sendFile } from './api.js';
import { CheckStep, PreviewStep } from './check-steps.js';
import { FileStep } from './file-step.js';
import { ImportStep } from './import-step.js';
import { EarlierRuns } from './earlier-runs.js';
import type { Flow } from './flow.js';
import { type Lang, initialLang, t } from './strings.js';
import { SecondBrowser } from './second-browser.js';
import { browserZone } from './zone.js';
import { MappingStep } from './mapping-step.js';
import { useReading } from './reading.js';
import { startedIn } from '../run-chain.js';

/**
 * The zone the page starts with; and a reopened tab takes up the flow as the tab that started it
 * left it: the file its check read, read as that check did (the grid shows its edits), and the
 * check, preview and import on screen, stale as soon as the file, sheet, zone or mapping changes.
 */
function takeUp(
  state: StateAnswer,
  to: {
    setUpload(u: UploadAnswer): void;
    setSheet(s: string): void;
    setTz(set: (chosen: string | undefined) => string): void;
    setRuns(set: (seen: Partial<Record<RunAction, RunView>>) => Partial<Record<RunAction, RunView>>): void;
    reading: ReturnType<typeof useReading>;
    mode: Mode;
  },
): void {
  const { checked } = state;
  to.setTz((chosen) => chosen ?? checked?.tz ?? state.zone.first ?? browserZone());
  // What the events told since is newer than the state's answer.
  to.setRuns((seen) => ({ ...state.runs, ...seen }));
  if (!checked) return;
  to.setUpload(checked.upload);
  to.setSheet(checked.sheet ?? '');
  to.reading.resume(checked, to.mode);
}

export function App() {
  const [lang, setLang] = useState<Lang>(initialLang());
  const [upload, setUpload] = useState<UploadAnswer>();
  // One correction run: it changes, creates, and removes only what the preview leaves switched on.
  const mode: Mode = 'correct';
  const [sheet, setSheet] = useState('');
  // Unknown until the server says which zone this folder chose, or which the tenant's people use.
  const [tz, setTz] = useState<string>();
  const [runs, setRuns] = useState<Partial<Record<RunAction, RunView>>>({});
  const [current, setCurrent] = useState<RunView | null>(null);
  const [refused, setRefused] = useState<Flow['refused']>({});
  const [earlier, setEarlier] = useState<readonly EarlierRun[]>([]);
  /** The doors refused this tab (no page key: opened by hand, not by the link): what to do instead. */
  const [locked, setLocked] = useState<CallError>();
  const reading = useReading();
  const refresh = () =>
    void getState().then(
      (s) => setEarlier(s.earlier),
      (e: unknown) => {
        if (e instanceof CallError && e.status === 403) setLocked(e);
      },
    );
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t(lang, 'title');
    localStorage.setItem('lang', lang);
  }, [lang]);
  useEffect(() => {
    void getState().then((s) => {
      setEarlier(s.earlier);
      takeUp(s, { setUpload, setSheet, setTz, setRuns, reading, mode });
    });
    return followRuns((view) => {
      setCurrent(view);
      if (!view) return;
      setRuns((r) => ({ ...r, [view.action]: view }));
      if (view.state !== 'running') refresh();
    }, setLocked);
  }, []);
  const start = (action: RunAction, extra: Record<string, unknown> = {}) => {
    setRefused({});
    setRuns((r) => startedIn(r, action, undefined));
    startRun(reading.stamp({ action, upload: upload?.id, mode, sheet, tz, lang, ...extra })).catch((e: unknown) =>
      setRefused({ [action]: e instanceof CallError ? e.answer.message[lang] : String(e) }),
    );
  };
  const choose = (file: File) => {
    setRefused({});
    setRuns({});
    setUpload(undefined);
    setSheet('');
    reading.mapping.clear();
    sendFile(file).then(
      (u) => {
        setUpload(u);
        reading.check(u, '', start);
      },
      (e: unknown) => setRefused({ upload: e instanceof CallError ? e.answer.message[lang] : String(e) }),
    );
  };
  const seen = reading.view(runs, upload, { mode, sheet, tz }, lang);
  const flow: Flow = { lang, upload, mode, tz, ...seen, current, refused, start, stop: () => void stopRun() };
  return (
    <main>
      <header>
        <h1>{t(lang, 'title')}</h1>
        <button type="button" class="lang" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
          {t(lang, 'switchLang')}
        </button>
      </header>
      {!locked && <SecondBrowser lang={lang} />}
      {locked && (
        <p class="error" data-testid="locked">
          {locked.answer.message[lang]}
        </p>
      )}
      {/* Nothing to choose until the zone is known: a file is never read in a zone nobody chose. */}
      {tz !== undefined && (
        <>
          <FileStep
            flow={flow}
            options={{ sheet, tz }}
            onOptions={(o) => {
              setSheet(o.sheet);
              setTz(o.tz);
              if (upload && o.sheet !== sheet) reading.check(upload, o.sheet, start);
            }}
            onFile={choose}
            mapping={reading.mapping.waiting}
          />
          <MappingStep flow={flow} mapping={reading.mapping} sheet={sheet} tz={tz} />
          <CheckStep flow={flow} />
          <PreviewStep flow={flow} />
          <ImportStep flow={flow} />
          <EarlierRuns flow={flow} earlier={earlier} />
        </>
      )}
    </main>
  );
}
