/**
 * Optimal string alignment distance: edits, with a swap of two neighbours as one (socre → score),
 * counted in code points. With `limit`, any distance above it is answered as `limit + 1` as soon as
 * that is certain, so a near-miss search costs little however long the cell it looks at: strings
 * whose lengths differ by more than `limit` are not compared at all, and the comparison stops at
 * the first row whose every entry is past `limit`. Three rows of the table are kept, not all of it.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  // A code point is one or two UTF-16 units: the counts lie within [length / 2, length].
  if (Math.ceil(a.length / 2) - b.length > limit || Math.ceil(b.length / 2) - a.length > limit) return limit + 1;
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > limit) return limit + 1;
  let before = new Array<number>(y.length + 1).fill(0);
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  let current = new Array<number>(y.length + 1).fill(0);
  for (let i = 1; i <= x.length; i++) {
    current[0] = i;
    let least = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current[j] = d;
      if (d < least) least = d;
    }
    // Every later entry is at least its row's least (a path only adds edits): past the limit, stop.
    if (least > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[y.length]!, limit + 1);
}
