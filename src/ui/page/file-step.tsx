/** Step 1: the file (chosen or dropped), what the run is, and how to read the file. */
import { useRef, useState } from 'preact/hooks';
import type { Mode } from '../views.js';
import type { Flow } from './flow.js';
import { type Key, t } from './strings.js';

const MODES: readonly Mode[] = ['import', 'merge', 'migrate', 'replace'];

export interface FileStepProps {
  readonly flow: Flow;
  readonly options: { sheet: string; tz: string };
  onOptions(o: { sheet: string; tz: string }): void;
  onMode(mode: Mode): void;
  onFile(file: File): void;
}

export function FileStep({ flow, options, onOptions, onMode, onFile }: FileStepProps) {
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
      <fieldset>
        <legend>{t(lang, 'modeTitle')}</legend>
        {MODES.map((m) => (
          <label key={m} class="mode">
            <input type="radio" name="mode" value={m} checked={flow.mode === m} onChange={() => onMode(m)} />
            <b>{t(lang, `mode_${m}` as Key)}</b> <span class="hint">{t(lang, `mode_${m}_hint` as Key)}</span>
          </label>
        ))}
      </fieldset>
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
        <label>
          {t(lang, 'tz')}
          <input
            value={options.tz}
            data-testid="tz"
            onInput={(e) => onOptions({ ...options, tz: (e.currentTarget as HTMLInputElement).value })}
          />
        </label>
        <button
          type="button"
          disabled={!flow.upload || busy}
          onClick={() => flow.start('validate')}
          data-testid="check"
        >
          {t(lang, 'check')}
        </button>
      </div>
      {flow.refused.validate && <p class="error">{flow.refused.validate}</p>}
      {validate?.state === 'error' && (
        <p class="error" data-testid="validate-error">
          {validate.error?.message}
        </p>
      )}
    </section>
  );
}
