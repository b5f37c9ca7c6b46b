import { describe, expect, it } from 'vitest';
import { checkDraft, groupName, townshipCode } from '../../electron/township/codes';
import { parseVillageRows, tsvRows } from '../../electron/township/rows';

describe('villages pasted from Excel', () => {
  it('reads groups from one cell (、 , ， spaces) and from one row per group', () => {
    const tsv = '村\t村代码\t村民小组\r\n新上村\t620902104200\t一组、二组, 三组\r\n光辉村\t620902104201\t一组\r\n\t\t二组\r\n光辉村\t620902104201\t三组\r\n';
    expect(parseVillageRows(tsvRows(tsv))).toEqual({
      township: {}, problems: [],
      villages: [
        { name: '新上村', code: '620902104200', groups: ['一组', '二组', '三组'] },
        { name: '光辉村', code: '620902104201', groups: ['一组', '二组', '三组'] },
      ],
    });
  });

  it('takes rows without a header as 村 · 村代码 · 村民小组, and names a group row with no village above', () => {
    const r = parseVillageRows(tsvRows('\t\t五组\n新上村\t６２０９０２１０４２００\t1 2\n'));
    expect(r.villages).toEqual([{ name: '新上村', code: '620902104200', groups: ['1', '2'] }]);
    expect(r.problems).toEqual(['第 1 行：只有村民小组“五组”，上面没有村，无法归入']);
  });

  it('numbers become group names the way the importer reads them', () => {
    expect([1, 7, 10, 12, 20].map(groupName)).toEqual(['一组', '七组', '十组', '十二组', '二十组']);
    const d = { name: '上坝镇', code: '620902104', organName: '上坝镇机关', villages: [{ name: '新上村', code: '620902104200', groups: ['1', '2', '二组'] }] };
    expect(checkDraft(d)).toEqual([{ field: 'villages.0.groups', message: '第 1 个村（新上村）：村民小组“二组”写了两次' }]);
  });

  it('a township code is 9 digits, or the 12-digit form ending 000', () => {
    expect(townshipCode('620902104000')).toEqual({ ok: true, code: '620902104' });
    expect(townshipCode('620902104001')).toMatchObject({ ok: false });
    expect(townshipCode('62090210')).toMatchObject({ ok: false });
  });
});
