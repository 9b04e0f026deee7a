import { addToDate, findDates, parseDate } from '@shared/extract/dates';
import { describe, expect, it } from 'vitest';

describe('parseDate', () => {
  it.each([
    ['2024年3月1日', '2024-03-01'],
    ['2024 年 3 月 1 日', '2024-03-01'],
    ['二〇二四年三月一日', '2024-03-01'],
    ['二O二四年十二月三十一日', '2024-12-31'],
    ['2024年3月1号', '2024-03-01'],
    ['2024-03-01', '2024-03-01'],
    ['2024/3/1', '2024-03-01'],
    ['March 1, 2024', '2024-03-01'],
    ['Mar. 1st, 2024', '2024-03-01'],
    ['1st day of March, 2024', '2024-03-01'],
    ['this twenty-first day of June, 1999', '1999-06-21'],
    ['the 15t h day of January 2018', '2018-01-15'],
    ['1 March 2024', '2024-03-01'],
    ['31 October 2019', '2019-10-31'],
    ['03/01/2024', '2024-03-01'],
    ['6/21/99', '1999-06-21'],
    ['31/12/2024', '2024-12-31'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it.each(['February 30, 2020', '2023年2月29日', '13/13/2024', 'June __, 2019', 'no date here'])(
    'finds no date in %s',
    (text) => {
      expect(parseDate(text)).toBeNull();
    },
  );
});

describe('findDates', () => {
  it('lists dates in order with their positions', () => {
    const text = 'Signed on March 1, 2024 and effective 2024年4月1日.';
    const dates = findDates(text);
    expect(dates.map((d) => d.iso)).toEqual(['2024-03-01', '2024-04-01']);
    for (const d of dates) expect(text.slice(d.index, d.end)).toBe(d.text);
  });
});

describe('addToDate', () => {
  it('adds years, months and days, keeping the day within the month', () => {
    expect(addToDate('1999-06-21', { years: 1 })).toBe('2000-06-21');
    expect(addToDate('2024-01-31', { months: 1 })).toBe('2024-02-29');
    expect(addToDate('2024-02-29', { years: 1 })).toBe('2025-02-28');
    expect(addToDate('2024-12-31', { days: 1 })).toBe('2025-01-01');
  });
});
