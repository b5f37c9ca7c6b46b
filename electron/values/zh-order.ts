/**
 * Chinese text in pinyin order, as WPS and Excel sort it (丁 ding < 龚 gong < 吕 lü), digits inside text
 * by value (2号 < 10号). One collator for the ledger and
 * the grids, so a list sorted by the ledger and a column sorted in the grid agree.
 */
const collator = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' });

export const zhCompare = (a: string, b: string): number => collator.compare(a, b);
