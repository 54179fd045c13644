/** Step 1: the file (chosen or dropped) and how to read it; there is no mode to pick (one correction run). */
import { useRef, useState } from 'preact/hooks';
import type { Flow } from './flow.js';
import { type Lang, t } from './strings.js';
import { ZONES, browserZone, canonicalZone, zoneTyped, zoneWords } from './zone.js';
import { RunError } from './run-lines.js';

export interface FileStepProps {
  readonly flow: Flow;
  readonly options: { sheet: string; tz: string };
  onOptions(o: { sheet: string; tz: string }): void;
  onFile(file: File): void;
  /** The file's columns are being mapped: it is checked once the mapping is saved. */
  readonly mapping?: boolean;
}

export function FileStep({ flow, options, onOptions, onFile, mapping }: FileStepProps) {
  const { lang } = flow;
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const validate = flow.runs.validate;
  const busy = flow.current?.state === 'running';
  return (
    <section class="step" data-testid="file-step">
      <h2>{t(lang, 'chooseTitle')}</h2>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a drop zone; its button and input are the keyboard's way in */}
      <div
        class={over ? 'drop over' : 'drop'}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          const file = e.dataTransfer?.files[0];
          if (file) onFile(file);
        }}
      >
        {t(lang, 'drop')}{' '}
        <button type="button" disabled={busy} onClick={() => input.current?.click()}>
          {flow.upload ? t(lang, 'chooseAgain') : t(lang, 'choose')}
        </button>
        <input
          ref={input}
          type="file"
          accept=".xlsx,.csv"
          class="hidden"
          data-testid="file-input"
          onChange={(e) => {
            const file = (e.currentTarget as HTMLInputElement).files?.[0];
            (e.currentTarget as HTMLInputElement).value = '';
            if (file) onFile(file);
          }}
        />
        {flow.upload && <span class="file-name">{flow.upload.name}</span>}
      </div>
      {flow.refused.upload && <p class="error">{flow.refused.upload}</p>}
      <div class="options">
        {(flow.upload?.sheets.length ?? 0) > 1 && (
          <label>
            {t(lang, 'sheet')}
            <select
              data-testid="sheet"
              value={options.sheet}
              onChange={(e) => onOptions({ ...options, sheet: (e.currentTarget as HTMLSelectElement).value })}
            >
              <option value="">{t(lang, 'sheetDefault')}</option>
              {flow.upload?.sheets.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
        )}
        <ZoneBox zone={options.tz} lang={lang} onZone={(tz) => onOptions({ ...options, tz })} />
        <button
          type="button"
          disabled={!flow.upload || busy || mapping}
          onClick={() => flow.start('validate')}
          data-testid="check"
        >
          {t(lang, 'check')}
        </button>
      </div>
      <ZoneNote zone={options.tz} lang={lang} />
      {flow.refused.validate && <p class="error">{flow.refused.validate}</p>}
      {validate?.state === 'error' && <RunError view={validate} lang={lang} testid="validate-error" />}
    </section>
  );
}

/** The zone the file's times are read in: any IANA name, the usual ones offered. */
function ZoneBox({ zone, lang, onZone }: { zone: string; lang: Lang; onZone(tz: string): void }) {
  return (
    <label>
      {t(lang, 'tz')}
      <input
        value={zone}
        list="zones"
        data-testid="tz"
        onInput={(e) => onZone(zoneTyped((e.currentTarget as HTMLInputElement).value))}
      />
      <datalist id="zones">
        {[...new Set([...ZONES, browserZone()])].map((z) => (
          <option key={z} value={z}>
            {zoneWords(z, lang)}
          </option>
        ))}
      </datalist>
    </label>
  );
}

/** The chosen zone in words, and a word when this computer's zone is another: times are never read in one silently. */
function ZoneNote({ zone, lang }: { zone: string; lang: Lang }) {
  const chosen = canonicalZone(zone);
  if (!chosen)
    return (
      <p class="warning" data-testid="tz-unknown">
        {t(lang, 'tzUnknown', { zone })}
      </p>
    );
  const browser = browserZone();
  const words = zoneWords(chosen, lang);
  return (
    <>
      <p class="hint" data-testid="tz-read">
        {t(lang, 'tzRead', { zone: words })}
      </p>
      {canonicalZone(browser) !== chosen && (
        <p class="warning" data-testid="tz-browser">
          {t(lang, 'tzBrowser', { browser, zone: words })}
        </p>
      )}
    </>
  );
}
