/**
 * Traditional characters of the template's headers and labels, with their simplified forms: a
 * file typed on a Traditional-Chinese system (Taiwan, Hong Kong) says 面試官, 不通過, 參與.
 * Only characters that occur in our own names are listed; others are left as they are.
 */
const TRADITIONAL: Readonly<Record<string, string>> = {
  試: '试',
  評: '评',
  價: '价',
  維: '维',
  結: '结',
  論: '论',
  參: '参',
  與: '与',
  狀: '状',
  態: '态',
  開: '开',
  時: '时',
  間: '间',
  題: '题',
  類: '类',
  數: '数',
  選: '选',
  項: '项',
  內: '内',
  號: '号',
  遞: '递',
  單: '单',
  過: '过',
  約: '约',
  際: '际',
  員: '员',
  審: '审',
  標: '标',
  準: '准',
  說: '说',
  稱: '称',
};

const ANY_TRADITIONAL = new RegExp(`[${Object.keys(TRADITIONAL).join('')}]`, 'u');

export function toSimplified(text: string): string {
  if (!ANY_TRADITIONAL.test(text)) return text;
  let out = '';
  for (const ch of text) out += TRADITIONAL[ch] ?? ch;
  return out;
}
