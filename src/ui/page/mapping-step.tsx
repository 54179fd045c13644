/**
 * The mapping step: shown when the file's headers are not the template's. The header row, each
 * column with examples and what it is (a tool column, an assessment item, or ignored), the words
 * the tool does not know, and fill-down; saved as the folder's profile, then the file is checked.
 * A file whose headers the saved profile fits is read through it with no questions.
 */
import { COLUMNS } from '../../schema.js';
import type { ColumnFacts, MappingDraft } from '../views.js';
import {
  ENUMS,
  type Choices,
  type ColumnChoice,
  type Mapping,
  itemTitle,
  leftToDecide,
  unknownWords,
} from './mapping.js';
import { useState } from 'preact/hooks';
import { CallError } from './api.js';
import type { Flow } from './flow.js';
import { type Lang, t } from './strings.js';

export interface MappingStepProps {
  readonly flow: Flow;
  readonly mapping: Mapping;
  /** The sheet and zone chosen: the mapping is of that sheet, and keeps that zone. */
  readonly sheet: string;
  readonly tz?: string;
}

export function MappingStep({ flow, mapping, sheet, tz }: MappingStepProps) {
  const { lang } = flow;
  const [refused, setRefused] = useState<string>();
  const busy = flow.current?.state === 'running';
  // The check of the file as it is failed, or left columns it does not know (its warning says to
  // map them here): mapping its columns may be the way.
  const validate = flow.runs.validate;
  const offer =
    validate?.state === 'error' || Boolean(validate?.result?.warnings.some((w) => w.code === 'INPUT_UNKNOWN_COLUMNS'));
  const { state, answer, choices } = mapping;
  const note = <MappingNote lang={lang} mapping={mapping} busy={busy} offer={offer} />;
  if (state !== 'asking') return note;
  if (state !== 'asking' || !answer?.draft || !choices) return null;
  const draft = answer.draft;
  const set = (next: Partial<Choices>) => mapping.setChoices({ ...choices, ...next });
  const left = leftToDecide(draft, choices);
  const save = () =>
    void mapping.save(sheet, tz).then(
      (r) => flow.start('validate', { profile: r.profile }),
      (e: unknown) => setRefused(e instanceof CallError ? e.answer.message[lang] : String(e)),
    );
  return (
    <section class="step" data-testid="mapping-step">
      <h2>{t(lang, 'mapTitle')}</h2>
      <p>{t(lang, 'mapIntro')}</p>
      {answer.saved && !draft.savedFits && (
        <p class="hint" data-testid="mapping-saved-other">
          {t(lang, 'mapSavedOther')}
        </p>
      )}
      <HeaderRow
        draft={draft}
        lang={lang}
        busy={busy}
        onRow={(row) => flow.upload && void mapping.consider(flow.upload, sheet, row)}
      />
      <h3>{t(lang, 'mapColumnsTitle')}</h3>
      <p class="hint">{t(lang, 'mapFillDownHint')}</p>
      <table class="mapping" data-testid="mapping-columns">
        <thead>
          <tr>
            <th>{t(lang, 'mapFileColumn')}</th>
            <th>{t(lang, 'mapSamples')}</th>
            <th>{t(lang, 'mapToolColumn')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {draft.columns
            .filter((f) => f.header.trim() !== '')
            .map((f) => (
              <ColumnRow key={f.header} facts={f} lang={lang} choices={choices} set={set} />
            ))}
        </tbody>
      </table>
      {draft.columns.map((f) => (
        <Words key={f.header} draft={draft} header={f.header} lang={lang} choices={choices} set={set} />
      ))}
      {left.words > 0 && (
        <p class="warning" data-testid="mapping-left">
          {t(lang, 'mapLeft', { n: left.words })}
        </p>
      )}
      {!left.key && (
        <p class="warning" data-testid="mapping-no-key">
          {t(lang, 'mapNoKey')}
        </p>
      )}
      <button
        type="button"
        class="primary"
        disabled={busy || left.words > 0 || !left.key}
        onClick={save}
        data-testid="mapping-save"
      >
        {t(lang, 'mapSave')}
      </button>
      {refused && <p class="error">{refused}</p>}
    </section>
  );
}

/** The step while it asks nothing: reading, the mapping in use, or the offer to map after a failed check. */
function MappingNote(props: { lang: Lang; mapping: Mapping; busy: boolean; offer: boolean }) {
  const { lang, mapping, busy, offer } = props;
  const { state, answer } = mapping;
  if (state === 'reading')
    return (
      <section class="step" data-testid="mapping-step">
        <p class="busy">{t(lang, 'mapReading')}</p>
      </section>
    );
  if (state === 'reused' || state === 'saved')
    return (
      <section class="step" data-testid="mapping-step">
        <p data-testid={`mapping-${state}`}>
          {t(lang, state === 'reused' ? 'mapReused' : 'mapUsed')}{' '}
          <button type="button" disabled={busy} onClick={() => void mapping.edit()} data-testid="mapping-edit">
            {t(lang, 'mapEdit')}
          </button>
        </p>
      </section>
    );
  if (state === 'none' && answer?.draft && offer)
    return (
      <section class="step" data-testid="mapping-step">
        <p>
          {t(lang, 'mapOffer')}{' '}
          <button type="button" disabled={busy} onClick={() => void mapping.edit()} data-testid="mapping-open">
            {t(lang, 'mapTitle')}
          </button>
        </p>
      </section>
    );
  return null;
}

/** The header row: one of the first rows, each shown by its first cells; another reads the columns again from there. */
function HeaderRow(props: { draft: MappingDraft; lang: Lang; busy: boolean; onRow(row: number): void }) {
  const { draft, lang } = props;
  return (
    <label class="header-row">
      {t(lang, 'mapHeaderRow')}{' '}
      <select
        data-testid="header-row"
        value={String(draft.headerRow)}
        disabled={props.busy}
        onChange={(e) => props.onRow(Number((e.currentTarget as HTMLSelectElement).value))}
      >
        {draft.top.map((r) => (
          <option key={r.row} value={String(r.row)}>
            {t(lang, 'mapRowN', { n: r.row, cells: rowText(r.cells) })}
          </option>
        ))}
      </select>
    </label>
  );
}

const rowText = (cells: readonly string[]) => {
  const text = cells.filter((c) => c.trim() !== '').join(' | ');
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
};

const TYPES = [1, 2, 3, 4] as const;

function ColumnRow(props: { facts: ColumnFacts; lang: Lang; choices: Choices; set(next: Partial<Choices>): void }) {
  const { facts, lang, choices, set } = props;
  const { header } = facts;
  const chosen = choices.columns[header] ?? '';
  const typeWord = (code: number) => ENUMS.assessment_type.values[code]![lang === 'zh' ? 0 : 1];
  const tool = chosen !== '' && !chosen.startsWith('item:');
  return (
    <tr data-testid="mapping-column">
      <th scope="row">{header}</th>
      <td class="samples">{facts.samples.join('、')}</td>
      <td>
        <select
          aria-label={header}
          value={chosen}
          onChange={(e) => set({ columns: { ...choices.columns, [header]: e.currentTarget.value as ColumnChoice } })}
        >
          <option value="">{t(lang, 'mapIgnore')}</option>
          {COLUMNS.map(([name, zh]) => (
            <option key={name} value={name}>
              {lang === 'zh' ? zh : name}
            </option>
          ))}
          {TYPES.map((code) => (
            <option key={code} value={`item:${code}`}>
              {t(lang, 'mapItem', { type: typeWord(code) })}
            </option>
          ))}
        </select>
        {chosen.startsWith('item:') && <span class="hint"> {itemTitle(choices, header)}</span>}
      </td>
      <td>
        {tool && facts.blanks > 0 && (
          <label>
            <input
              type="checkbox"
              aria-label={t(lang, 'mapFillDownLabel', { header })}
              checked={choices.fill[header] ?? false}
              onChange={(e) => set({ fill: { ...choices.fill, [header]: e.currentTarget.checked } })}
            />
            {t(lang, 'mapFillDown', { n: facts.blanks })}
          </label>
        )}
      </td>
    </tr>
  );
}

function Words(props: {
  draft: MappingDraft;
  header: string;
  lang: Lang;
  choices: Choices;
  set(next: Partial<Choices>): void;
}) {
  const { draft, header, lang, choices, set } = props;
  const words = unknownWords(draft, choices, header);
  const column = choices.columns[header];
  if (words.length === 0 || !column || !(column in ENUMS)) return null;
  const spec = ENUMS[column as keyof typeof ENUMS];
  return (
    <fieldset class="mapping-words" data-testid="mapping-words">
      <legend>{t(lang, 'mapWordsTitle', { header })}</legend>
      <p class="hint">{t(lang, 'mapWordsHint')}</p>
      {words.map((w) => (
        <label key={w.word} class="word">
          <span>
            {w.word} <span class="hint">({t(lang, 'mapRows', { n: w.count })})</span>
          </span>{' '}
          <select
            aria-label={`${header}：${w.word}`}
            value={w.to}
            onChange={(e) =>
              set({
                words: { ...choices.words, [header]: { ...choices.words[header], [w.word]: e.currentTarget.value } },
              })
            }
          >
            <option value="">{t(lang, 'mapChoose')}</option>
            {Object.values(spec.values).map(([zh, en]) => (
              <option key={zh} value={zh}>
                {lang === 'zh' ? zh : en}
              </option>
            ))}
          </select>
        </label>
      ))}
    </fieldset>
  );
}
