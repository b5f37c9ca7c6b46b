type PinyinFn = typeof import('pinyin-pro').pinyin;
let pinyin: PinyinFn | null = null;
let loading: Promise<void> | null = null;

/** pinyin-pro and its dictionary load after the first screen, in their own chunk. */
export function loadPinyin(): Promise<void> {
  loading ??= import('pinyin-pro').then((m) => { pinyin = m.pinyin; });
  return loading;
}
export const pinyinReady = () => pinyin !== null;

/**
 * Quick find that also matches pinyin: typing `wf` or `wangfang` finds 王芳. Each row's search text is
 * built once (and again only when the row changes); pinyin is looked up a character at a time from a
 * cache, so 100,000 rows cost a few hundred thousand map lookups rather than as many pinyin calls.
 */
const charCache = new Map<string, [string, string]>();
const surnameCache = new Map<string, [string, string]>();
const HAN = /[\u3400-\u9fff]/;

function charPinyin(ch: string, surname: boolean): [string, string] {
  const cache = surname ? surnameCache : charCache;
  let p = cache.get(ch);
  if (!p) {
    if (!pinyin) return [ch, ch];
    // ü is typed as v on every Chinese keyboard: 吕 → lv, 女 → nv.
    const full = pinyin(ch, { toneType: 'none', type: 'array', v: true, ...(surname ? { surname: 'head' as const } : {}) })[0] ?? ch;
    p = [full, full[0] ?? ''];
    cache.set(ch, p);
  }
  return p;
}

/** 王芳 → "wangfang wf"; a person's name reads its first character as a surname (单 → shan). */
export function pinyinOf(text: string, person: boolean): string {
  let full = '';
  let initials = '';
  let first = true;
  for (const ch of text) {
    if (ch === '、' || ch === ' ' || ch === ',') { full += ' '; initials += ' '; first = true; continue; }
    if (HAN.test(ch)) {
      const [f, i] = charPinyin(ch, person && first);
      full += f; initials += i;
    } else { full += ch.toLowerCase(); initials += ch.toLowerCase(); }
    first = false;
  }
  return `${full} ${initials}`;
}

/** One row's search text: the shown values of every column, then pinyin of the Chinese names. */
export function rowSearchText(values: string[], names: { text: string; person: boolean }[]): string {
  let s = values.join('\u0001').toLowerCase();
  for (const n of names) if (n.text) s += '\u0001' + pinyinOf(n.text, n.person);
  return s;
}

/** Every word typed must be found somewhere in the row (like Excel's filter "contains", AND across words). */
export function matchWords(query: string): string[] {
  return query.trim().toLowerCase().split(/\s+/).filter(Boolean);
}

export function matches(text: string, words: string[]): boolean {
  for (const w of words) if (!text.includes(w)) return false;
  return true;
}
