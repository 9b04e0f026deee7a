import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, subtractDays } from '../../../server/obligations/calendar-date';

describe('calendar date arithmetic', () => {
  it('counts back across a leap February', () => {
    expect(subtractDays('2024-03-01', 30)).toBe('2024-01-31');
    expect(subtractDays('2024-03-01', 1)).toBe('2024-02-29');
    expect(subtractDays('2023-03-01', 1)).toBe('2023-02-28');
  });

  it('crosses month and year ends', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(subtractDays('2025-01-01', 1)).toBe('2024-12-31');
    expect(addDays('2024-01-31', 30)).toBe('2024-03-01');
    expect(subtractDays('2024-05-31', 31)).toBe('2024-04-30');
  });

  it('clamps a month step to the last day of a shorter month', () => {
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2023-03-31', -1)).toBe('2023-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-11-15', 3)).toBe('2025-02-15');
    expect(addMonths('2024-01-15', -13)).toBe('2022-12-15');
  });

  it('measures days between dates, leap day included', () => {
    expect(daysBetween('2024-02-01', '2024-03-01')).toBe(29);
    expect(daysBetween('2023-02-01', '2023-03-01')).toBe(28);
    expect(daysBetween('2024-03-01', '2024-02-01')).toBe(-29);
  });

  it('refuses what is not a YYYY-MM-DD date', () => {
    expect(() => addDays('2024/03/01', 1)).toThrow(RangeError);
  });
});
