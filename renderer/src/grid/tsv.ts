/**
 * The text Excel and WPS put on the clipboard: cells split by tabs, rows by CR LF, and a cell that
 * holds a tab, a line break or a quote wrapped in double quotes with its quotes doubled.
 */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  const n = text.length;
  let atCellStart = true;
  while (i < n) {
    const c = text[i];
    if (atCellStart && c === '"') {
      // A quoted cell: up to the closing quote that is not doubled.
      let j = i + 1;
      let value = '';
      let closed = false;
      while (j < n) {
        if (text[j] === '"') {
          if (text[j + 1] === '"') { value += '"'; j += 2; continue; }
          closed = true; j++; break;
        }
        value += text[j++];
      }
      // Only a real quoted cell if the closing quote ends the cell; else the quote was just text.
      if (closed && (j >= n || text[j] === '\t' || text[j] === '\n' || text[j] === '\r')) {
        cell = value; i = j; atCellStart = false; continue;
      }
    }
    atCellStart = false;
    if (c === '\t') { row.push(cell); cell = ''; atCellStart = true; i++; continue; }
    if (c === '\r' || c === '\n') {
      row.push(cell); rows.push(row); row = []; cell = ''; atCellStart = true;
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    cell += c; i++;
  }
  if (!atCellStart || cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

/** The opposite: a block of cells as Excel copies it, ending in CR LF. */
export function toTsv(block: string[][]): string {
  return block.map((r) => r.map(quoteCell).join('\t')).join('\r\n') + '\r\n';
}

function quoteCell(s: string): string {
  return /[\t\r\n"]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
