import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run';

const CORPUS = join(ROOT, '..', 'shared', 'corpus');
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const manifest = new Map(readFileSync(join(CORPUS, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1)
  .map((l) => l.split('\t')).map((c) => [c[0], c[5]] as const));
const files: string[] = [];
const walk = (d: string) => { for (const f of readdirSync(d)) { const p = join(d, f); if (statSync(p).isDirectory()) walk(p); else if (manifest.has(p.slice(CORPUS.length + 1))) files.push(p); } };
walk(CORPUS);
const extra = [join(ROOT, 'test', 'fixtures', 'ods-cell-bomb.ods')];

type Line = { file: string; error: string | null; sheets: number; messages: string[]; ms: number; maxRssMb: number };
const CHINESE = /[\u4e00-\u9fff]/;
const ENGLISH_TRACE = /\bat [\w.<>]+ \(|Error:|TypeError|is not a function|Cannot read|undefined/;

describe('every third-party file in the corpus', () => {
  it('is read, or refused with a clear Chinese message — no crash, no hang, under 1 GiB', () => {
    expect(files.length).toBe(manifest.size);
    // One process for all files, as the app would meet them; the timeout only catches a hang.
    const r = spawnSync(process.execPath, [TSX, join(ROOT, 'test', 'helpers', 'corpus-probe.ts'), ...files, ...extra],
      { cwd: ROOT, encoding: 'utf8', timeout: 15 * 60_000, maxBuffer: 64 * 1024 * 1024 });
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Line);
    expect(lines.map((l) => l.file)).toEqual([...files, ...extra]);
    for (const l of lines) {
      for (const m of l.messages) {
        expect(m, l.file).toMatch(CHINESE);
        expect(m, l.file).not.toMatch(ENGLISH_TRACE);
      }
    }
    expect(Math.max(...lines.map((l) => l.maxRssMb))).toBeLessThan(1024);
    const by = (name: string) => lines.find((l) => l.file.endsWith(name))!;
    for (const [path, odd] of manifest) if (/^ENCRYPTED/.test(odd)) expect(by(path).error, path).toContain('密码');
    expect(by('xlrd/tests/samples/sample.zip').error).toContain('压缩包');
    expect(by('calamine/tests/too_small.xls').error).toContain('不是表格');
    expect(by('calamine/tests/issue_594_dos.ods').error).toContain('超过任何表格软件的上限');
    // A file whose cells blow the reader's heap kills (or stalls) only the reading process.
    expect(by('ods-cell-bomb.ods').error).toMatch(/内存上限|仍未完成/);
    // Timings, for the record (speed is measured in npm run bench, not asserted here).
    const slow = [...lines].sort((a, b) => b.ms - a.ms).slice(0, 3).map((l) => `${l.file.slice(CORPUS.length + 1)} ${l.ms} ms`);
    console.log(`corpus: ${lines.length} files, ${lines.filter((l) => l.error).length} refused; slowest: ${slow.join(', ')}; peak RSS ${Math.max(...lines.map((l) => l.maxRssMb))} MB`);
  }, 16 * 60_000);
});
