/**
 * Every status a row ends a run in, once: its key (the CSV and JSON reports' `status`, what
 * scripts read), its words for people in both languages, and whether the row needs its user.
 * The `.xlsx` report, the printed counts line, the page's words and its "only rows with
 * problems" filter all derive from this list; the order is the order they list statuses in.
 * A leaf (no imports): the page's browser code takes it as it is.
 */
export const ROW_STATUS = {
  ok: { zh: '成功', en: 'ok', needsUser: false },
  failed: { zh: '失败', en: 'failed', needsUser: true },
  invalid: { zh: '有误', en: 'invalid', needsUser: true },
  blocked: { zh: '已拦截', en: 'blocked', needsUser: true },
  skipped: { zh: '跳过', en: 'skipped', needsUser: false },
  not_sent: { zh: '未发送', en: 'not sent', needsUser: true },
} as const satisfies Record<string, { zh: string; en: string; needsUser: boolean }>;

export type RowStatus = keyof typeof ROW_STATUS;

export const ROW_STATUSES = Object.keys(ROW_STATUS) as readonly RowStatus[];

/** True for a status that asks something of the user: a row to fix, or one to send again. */
export const needsUser = (status: string): boolean => ROW_STATUS[status as RowStatus]?.needsUser ?? false;

/**
 * A status as a report written for people says it: the word in Chinese; in English the key
 * itself, which the English `.xlsx` report has always shown and its readers match.
 */
export function reportStatusWord(status: RowStatus, lang: 'zh' | 'en'): string {
  return lang === 'zh' ? ROW_STATUS[status].zh : status;
}
