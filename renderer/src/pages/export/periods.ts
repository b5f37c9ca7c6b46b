import dayjs, { type Dayjs } from 'dayjs';

/** The half-years and years the district reports on, newest first, as RangePicker presets. */
export function periodPresets(): { label: string; value: [Dayjs, Dayjs] }[] {
  const out: { label: string; value: [Dayjs, Dayjs] }[] = [];
  for (let y = dayjs().year(); y >= 2012; y--) {
    out.push(
      { label: `${y}年上半年`, value: [dayjs(`${y}-01-01`), dayjs(`${y}-06-30`)] },
      { label: `${y}年下半年`, value: [dayjs(`${y}-07-01`), dayjs(`${y}-12-31`)] },
      { label: `${y}年全年`, value: [dayjs(`${y}-01-01`), dayjs(`${y}-12-31`)] },
    );
  }
  return out;
}

export const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/** The header's 统计期间 ("2014-H1") as the export's period: 2014-01-01 … 2014-06-30. */
export function headerPeriod(period: string): [Dayjs, Dayjs] {
  const [y, h] = period.split('-');
  return h === 'H2' ? [dayjs(`${y}-07-01`), dayjs(`${y}-12-31`)] : [dayjs(`${y}-01-01`), dayjs(`${y}-06-30`)];
}
