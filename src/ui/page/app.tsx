/** The page: one flow from choosing a file to the result and its undo, following the server's run. */
import { useEffect, useState } from 'preact/hooks';
import type { EarlierRun, Mode, RunAction, RunView, UploadAnswer } from '../views.js';
import { CallError, followRuns, getState, startRun, stopRun, upload as sendFile } from './api.js';
import { CheckStep, PreviewStep } from './check-steps.js';
import { FileStep } from './file-step.js';
import { ImportStep } from './import-step.js';
import { EarlierRuns } from './earlier-runs.js';
import type { Flow } from './flow.js';
import { type Lang, initialLang, t } from './strings.js';
import { browserZone } from './zone.js';
import { useMapping } from './mapping.js';
import { MappingStep } from './mapping-step.js';
import { useFresh } from './fresh.js';

const LATER: Record<RunAction, RunAction[]> = {
  validate: ['preview', 'import', 'undo'],
  preview: ['import', 'undo'],
  import: ['undo'],
  undo: [],
};

export function App() {
  const [lang, setLang] = useState<Lang>(initialLang());
  const [upload, setUpload] = useState<UploadAnswer>();
  const [mode, setMode] = useState<Mode>('import');
  const [sheet, setSheet] = useState('');
  // Unknown until the server says which zone this folder chose, or which the tenant's people use.
  const [tz, setTz] = useState<string>();
  const [runs, setRuns] = useState<Partial<Record<RunAction, RunView>>>({});
  const [current, setCurrent] = useState<RunView | null>(null);
  const [refused, setRefused] = useState<Flow['refused']>({});
  const [earlier, setEarlier] = useState<readonly EarlierRun[]>([]);
  /** The doors refused this tab (no page key: opened by hand, not by the link): what to do instead. */
  const [locked, setLocked] = useState<CallError>();
  const mapping = useMapping();
  const fresh = useFresh();
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
      setTz((chosen) => chosen ?? s.zone.first ?? browserZone());
    });
    return followRuns((view) => {
      setCurrent(view);
      if (!view) return;
      setRuns((r) => ({ ...r, [view.action]: view }));
      if (view.state !== 'running') refresh();
    }, setLocked);
  }, []);
  const said = (e: unknown) => (e instanceof CallError ? e.answer.message[lang] : String(e));
  const start = (action: RunAction, extra: Record<string, unknown> = {}) => {
    setRefused({});
    setRuns((r) => ({ ...r, ...Object.fromEntries(LATER[action].map((a) => [a, undefined])), [action]: undefined }));
    const body = { action, upload: upload?.id, mode, sheet, tz, lang, profile: mapping.profile, ...extra };
    fresh.stamp(action, body);
    startRun(body).catch((e: unknown) => setRefused({ [action]: said(e) }));
  };
  /** A file, or a sheet of it, chosen: mapped first when its headers are not the template's, then checked. */
  const read = (u: UploadAnswer, sheetNow: string) => {
    setRuns({});
    void mapping.consider(u, sheetNow).then((reading) => {
      if (reading) start('validate', { upload: u.id, sheet: sheetNow, profile: reading.profile });
    });
  };
  const choose = (file: File) => {
    setRefused({});
    setRuns({});
    setUpload(undefined);
    setSheet('');
    mapping.clear();
    sendFile(file).then(
      (u) => {
        setUpload(u);
        read(u, '');
      },
      (e: unknown) => setRefused({ upload: said(e) }),
    );
  };
  const now = { upload: upload?.id, mode, sheet, tz, profile: mapping.profile };
  const about = (action: RunAction) => {
    const r = fresh.reading(action);
    if (!upload?.sheets.length || !r) return undefined;
    return r.sheet || (r.profile as { sheet?: string } | undefined)?.sheet || t(lang, 'sheetDefault');
  };
  const flow: Flow = {
    lang,
    upload,
    mode,
    runs: fresh.fresh(runs, now),
    current,
    refused,
    start,
    about,
    stop: () => void stopRun(),
  };
  return (
    <main>
      <header>
        <h1>{t(lang, 'title')}</h1>
        <button type="button" class="lang" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
          {t(lang, 'switchLang')}
        </button>
      </header>
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
              if (upload && o.sheet !== sheet) read(upload, o.sheet);
            }}
            onMode={setMode}
            onFile={choose}
            mapping={mapping.state === 'asking' || mapping.state === 'reading'}
          />
          <MappingStep
            lang={lang}
            mapping={mapping}
            busy={current?.state === 'running'}
            offer={runs.validate?.state === 'error'}
            onHeaderRow={(row) => upload && void mapping.consider(upload, sheet, row)}
            onSave={() =>
              void mapping.save(sheet, tz).then(
                (r) => start('validate', { profile: r.profile }),
                (e: unknown) => setRefused({ validate: said(e) }),
              )
            }
          />
          <CheckStep flow={flow} />
          <PreviewStep flow={flow} />
          <ImportStep flow={flow} />
          <EarlierRuns flow={flow} earlier={earlier} />
        </>
      )}
    </main>
  );
}
