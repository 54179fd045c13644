/** The button that downloads a run's report, and what went wrong if it could not. */
import { useState } from 'preact/hooks';
import { CallError, reportUrl, saveReport } from './api.js';
import { type Lang, t } from './strings.js';

export function ReportLink({ run, lang, testid }: { run: string; lang: Lang; testid: string }) {
  const [failed, setFailed] = useState<string>();
  const save = (e: Event) => {
    e.preventDefault();
    setFailed(undefined);
    saveReport(run).catch((error: unknown) =>
      setFailed(error instanceof CallError ? error.answer.message[lang] : String(error)),
    );
  };
  return (
    <>
      <a class="button" href={reportUrl(run)} download onClick={save} data-testid={testid}>
        {t(lang, 'download')}
      </a>
      {failed && <p class="error">{failed}</p>}
    </>
  );
}
