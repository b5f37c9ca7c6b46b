/** Full-width ASCII (ＡＢＣ１２３，（）) to half-width, ideographic space to space, then trim. */
export function toHalfWidth(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

/** A cell's text as a clerk means it: half-width, no surrounding or doubled spaces; empty → null. */
export function cleanText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  const s = toHalfWidth(String(v)).replace(/\s+/g, ' ').trim();
  return s === '' ? null : s;
}
