import { describe, expect, it } from 'vitest';
import { maskIdNumber, parseIdNumber } from '../../electron/values/idcard';

// Expected values worked out by hand from GB 11643-1999 (weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2,
// check characters "10X98765432"); 11010519491231002X is the standard's own example.
describe('居民身份证号', () => {
  it('accepts a valid number and reads sex and birth date from it', () => {
    expect(parseIdNumber('11010519491231002X')).toEqual({ ok: true, value: '11010519491231002X', sex: '女', birth: '1949-12-31' });
    expect(parseIdNumber('440524188001010014')).toMatchObject({ ok: true, sex: '男', birth: '1880-01-01' });
  });

  it('normalises lower-case x, full-width digits and spaces', () => {
    expect(parseIdNumber(' 11010519491231002x ')).toMatchObject({ ok: true, value: '11010519491231002X' });
    expect(parseIdNumber('１１０１０５１９４９１２３１００２Ｘ')).toMatchObject({ ok: true, value: '11010519491231002X' });
  });

  it('upgrades a 15-digit number to 18 digits', () => {
    expect(parseIdNumber('110105491231002')).toMatchObject({ ok: true, value: '11010519491231002X' });
  });

  it('refuses a wrong check digit and says which one is expected', () => {
    const r = parseIdNumber('110105194912310021');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('应为 X');
  });

  it('refuses what Excel made of a long number, whether a number or its scientific text', () => {
    const asNumber = parseIdNumber(620902194111132750);
    const asText = parseIdNumber('6.20902E+17');
    expect(asNumber.ok).toBe(false);
    expect(asText.ok).toBe(false);
    if (!asText.ok) expect(asText.reason).toContain('文本');
  });

  it('refuses an impossible birth date', () => {
    const first17 = '62090219800230001';
    const r = parseIdNumber(first17 + '0');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('出生日期');
  });

  it('masks the birth date part for printing', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });
});
