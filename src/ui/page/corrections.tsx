/**
 * A correction's interviews grouped as the preview says them — 修改 (field by field), 新建, 删除
 * (each named, off unless switched on), 无变化, 有问题 — with a switch on each one that can be
 * left out; after the import, the same groups as they landed, without switches.
 */
import type { ChangeGroup, InterviewChange, RunView } from '../views.js';
import { changeWords } from './change-words.js';
import { SWITCHABLE, useChoices } from './choices.js';
import { type Key, type Lang, STRINGS, t } from './strings.js';
import { runZone } from './zone.js';

const ORDER: readonly ChangeGroup[] = [
  'change',
  'create',
  'remove',
  'unchanged',
  'left',
  'problem',
  'restore',
  'delete',
  'alone',
];
/** A group lists this many interviews; the rest are counted (a 50,000-row month stays quick to draw). */
const LISTED = 200;

/** How an interview is named to its user: its legacy key, else its Feishu id; and its rows. */
function nameOf(c: InterviewChange, lang: Lang): string {
  const rows = c.rows.length > 3 ? `${c.rows[0]}–${c.rows.at(-1)}` : c.rows.join(lang === 'zh' ? '、' : ', ');
  return `${c.external_id ?? c.feishu_id ?? c.id} · ${t(lang, c.rows.length > 1 ? 'rowsOfMany' : 'rowsOf', { rows })}`;
}

/** The groups whose detail is a list of fields after a lead-in (将会修改：a; b). */
const FIELD_LISTS: ReadonlySet<ChangeGroup> = new Set(['change', 'remove', 'restore']);

/**
 * A change's detail, one line per field: in the page's words from its facts where the run gave
 * them (times in `zone`), else the library's (the lead-in left out); any other detail as it is.
 */
function fields(c: InterviewChange, lang: Lang, zone: string): string[] {
  const { detail, group } = c;
  if (c.fields) return c.fields.map((f) => changeWords(f, lang, zone));
  if (!FIELD_LISTS.has(group) || !/[：:]/.test(detail)) return [detail];
  return detail.replace(/^[^：:]*[：:]\s*/, '').split('; ');
}

/** A run's changes, when it has any, its times in the zone it read them in (else the one chosen). */
export function RunChanges(props: { view: RunView; chosen: string | undefined; lang: Lang; switches: boolean }) {
  const { view } = props;
  if (!view.result?.changes) return null;
  const zone = runZone(view.result, props.chosen);
  return (
    <Changes run={view.id} changes={view.result.changes} lang={props.lang} zone={zone} switches={props.switches} />
  );
}

export function Changes(props: {
  run: string;
  changes: readonly InterviewChange[];
  lang: Lang;
  /** The one the run's times were read in, which its times are shown in. */
  zone: string;
  switches: boolean;
}) {
  const { changes, lang } = props;
  const choices = useChoices(props.switches ? props.run : undefined, changes);
  const byGroup = new Map<ChangeGroup, number[]>();
  changes.forEach((c, i) => {
    const members = byGroup.get(c.group);
    if (members) members.push(i);
    else byGroup.set(c.group, [i]);
  });
  return (
    <div class="changes" data-testid="changes">
      {props.switches && <p class="hint">{t(lang, 'changesTitle')}</p>}
      {ORDER.filter((g) => byGroup.has(g)).map((g) => {
        const members = byGroup.get(g)!;
        const switchable = props.switches && SWITCHABLE[g] !== undefined;
        const allOn = switchable && members.every((i) => choices.on(i));
        const hint = `groupHint_${g}` as Key;
        return (
          <details key={g} open={g !== 'unchanged'} data-group={g}>
            <summary>
              <b data-testid={`group-${g}`}>
                {t(lang, `group_${g}` as Key)} {members.length}
              </b>
              {/* A space, so the text read aloud or copied says "修改 2 全部", not "修改 2全部". */}
              {switchable && ' '}
              {switchable && (
                <label class="group-all">
                  <input
                    type="checkbox"
                    checked={allOn}
                    data-testid={`all-${g}`}
                    onChange={(e) => choices.setGroup(g, (e.currentTarget as HTMLInputElement).checked)}
                  />
                  {t(lang, 'groupAll')}
                </label>
              )}
              {hint in STRINGS[lang] && <span class="hint"> {t(lang, hint)}</span>}
            </summary>
            <ul>
              {members.slice(0, LISTED).map((i) => {
                const c = changes[i]!;
                return (
                  <li key={c.id} data-id={c.id}>
                    {switchable ? (
                      <label>
                        <input type="checkbox" checked={choices.on(i)} onChange={() => choices.flip(i)} />
                        <span class="who">{nameOf(c, lang)}</span>
                      </label>
                    ) : (
                      <span class="who">{nameOf(c, lang)}</span>
                    )}
                    {g !== 'unchanged' && (
                      <ul class="fields">
                        {fields(c, lang, props.zone).map((f) => (
                          <li key={f}>{f}</li>
                        ))}
                      </ul>
                    )}
                  </li>
                );
              })}
              {members.length > LISTED && <li class="hint">{t(lang, 'more', { n: members.length - LISTED })}</li>}
            </ul>
          </details>
        );
      })}
    </div>
  );
}
