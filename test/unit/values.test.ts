import { describe, expect, it } from 'vitest';
import { parseDate } from '../../electron/values/dates';
import { formatScaled, parseAreaCentimu, parseCount, parseMoneyFen } from '../../electron/values/numbers';
import { cleanText } from '../../electron/values/text';

describe('dates as units write them', () => {
  it.each([
    ['2014-03-05'], ['2014-3-5'], ['2014.3.5'], ['2014/3/5'], ['2014年3月5日'], ['2014年3月5号'], ['２０１４．３．５'], [' 2014.03.05 '],
  ])('%s is 2014-03-05', (s) => {
    expect(parseDate(s)).toEqual({ ok: true, value: '2014-03-05' });
  });

  it('reads Excel serials in the 1900 and the 1904 systems', () => {
    // 2014-01-01 is serial 41640 in the 1900 system; +31 (Jan) +28 (Feb) +4 = 41703 for 5 March.
    expect(parseDate(41703)).toEqual({ ok: true, value: '2014-03-05' });
    // The 1904 system counts 1462 days fewer.
    expect(parseDate(41703 - 1462, { date1904: true })).toEqual({ ok: true, value: '2014-03-05' });
  });

  it('refuses what is not a date, saying which forms it reads', () => {
    for (const bad of ['2014.13.5', '2014-02-30', '三月五日', 'abc']) {
      const r = parseDate(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toContain('2014年3月5日');
    }
  });
});

describe('money and area stay exact', () => {
  it('parses yuan into integer 分', () => {
    expect(parseMoneyFen('2,710.00')).toEqual({ ok: true, value: 271000 });
    expect(parseMoneyFen('￥12.5元')).toEqual({ ok: true, value: 1250 });
    expect(parseMoneyFen(0.1 + 0.2)).toEqual({ ok: true, value: 30 });
  });

  it('parses 亩 into integer hundredths', () => {
    expect(parseAreaCentimu('3028.65')).toEqual({ ok: true, value: 302865 });
    expect(parseAreaCentimu('0.5亩')).toEqual({ ok: true, value: 50 });
    expect(parseAreaCentimu('２０，０８１．６')).toEqual({ ok: true, value: 2008160 });
  });

  it('sums without binary rounding: 3 × 0.1 亩 is 0.30', () => {
    const sum = ['0.1', '0.1', '0.1'].map((s) => (parseAreaCentimu(s) as { value: number }).value).reduce((a, b) => a + b);
    expect(formatScaled(sum)).toBe('0.30');
  });

  it('reads counts written with their unit', () => {
    expect(parseCount('4人')).toEqual({ ok: true, value: 4 });
    expect(parseCount('1户')).toEqual({ ok: true, value: 1 });
    expect(parseCount('两户').ok).toBe(false);
  });

  it('formats with thousands separators', () => {
    expect(formatScaled(271000)).toBe('2,710.00');
    expect(formatScaled(2008160)).toBe('20,081.60');
  });
});

describe('text', () => {
  it('trims, folds spaces and full-width forms, and makes empty null', () => {
    expect(cleanText('  王　芳 ')).toBe('王 芳');
    expect(cleanText('（一组）')).toBe('(一组)');
    expect(cleanText('   ')).toBeNull();
  });
});
