import { durationInDays, findDurations, parseDuration } from '@shared/extract/durations';
import { describe, expect, it } from 'vitest';

describe('durations', () => {
  it.each([
    ['thirty (30) days', 30],
    ['30 days', 30],
    ["sixty (60) days' prior written notice", 60],
    ['ninety (90)-day period', 90],
    ['twelve (12) calendar months', 360],
    ['one-year term', 365],
    ['half a year', 180],
    ['三十日', 30],
    ['30日内', 30],
    ['30个工作日', 30],
    ['三个月', 90],
    ['一年', 365],
    ['叁拾日', 30],
  ])('%s lasts %i days', (text, days) => {
    const d = parseDuration(text);
    expect(d).not.toBeNull();
    expect(durationInDays(d ?? { count: 0, unit: 'day' })).toBe(days);
  });

  it('does not read the parts of a Chinese date as periods', () => {
    expect(findDurations('2024年3月1日')).toEqual([]);
    expect(findDurations('自2024年3月1日起一年').map((d) => [d.count, d.unit])).toEqual([[1, 'year']]);
  });
});
