const WIDE = /[\uFF01-\uFF5E\u3000]/;
/** Full-width ASCII (ＡＢＣ１２３，（）) to half-width, ideographic space to space, then trim. */
export function toHalfWidth(s: string): string {
  // Most cells hold none: the test is far cheaper than two replaces (import reads every cell).
  if (!WIDE.test(s)) return s;
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

/** A cell's text as a clerk means it: half-width, no surrounding or doubled spaces; empty → null. */
export function cleanText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  const s = toHalfWidth(stripInvisible(String(v)).text).replace(/\s+/g, ' ').trim();
  return s === '' ? null : s;
}

/**
 * Control characters (C0 except tab and line breaks, DEL, C1, ANSI escapes) and the bidirectional
 * overrides and isolates (U+202A–U+202E, U+2066–U+2069, U+200E/F, U+061C) that make a name read
 * differently from what is stored. Tabs and line breaks are whitespace, which cleanText folds.
 */
const INVISIBLE = /\u001B\[[0-9;?]*[A-Za-z]|[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

const HAS_INVISIBLE = new RegExp(INVISIBLE.source);
/** The text without those characters, and how many were taken out. */
export function stripInvisible(s: string): { text: string; removed: number } {
  if (!HAS_INVISIBLE.test(s)) return { text: s, removed: 0 };
  let removed = 0;
  const text = s.replace(INVISIBLE, () => { removed++; return ''; });
  return { text, removed };
}
