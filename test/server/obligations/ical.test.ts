import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, renderCalendar } from '../../../server/obligations/ical';
import { parseCalendar, prop, unescapeText } from './ical-parse';

const octets = (s: string) => new TextEncoder().encode(s).length;

describe('iCalendar rendering', () => {
  const text = renderCalendar({
    name: 'Pactfile 合同提醒',
    stamp: new Date('2024-01-02T03:04:05.678Z'),
    events: [
      {
        uid: 'c_1~expiry~-~2024-03-01@pactfile',
        date: '2024-03-01',
        summary:
          '合同到期：XSC-2024-001 上海某某科技有限公司技术服务合同（第二期），含保密条款；以及附件一、附件二与补充协议',
        description: 'Line one, with comma; semicolon\\backslash\nLine two',
        url: 'https://pactfile.example.com/contracts/c_1',
        alarmDaysBefore: 30,
      },
      { uid: 'b@pactfile', date: '2024-12-31', summary: 'Payment due', description: '', alarmDaysBefore: 0 },
    ],
  });

  it('uses CRLF line endings and folds every line at 75 octets without cutting a character', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    const physical = text.split('\r\n').slice(0, -1);
    for (const line of physical) {
      expect(octets(line)).toBeLessThanOrEqual(75);
      expect(line).not.toContain('\uFFFD');
      expect(line).not.toContain('\n');
    }
    expect(physical.some((l) => l.startsWith(' '))).toBe(true);
  });

  it('parses back to the events with their dates, texts, URL and alarm', () => {
    const cal = parseCalendar(text);
    expect(cal.type).toBe('VCALENDAR');
    expect(prop(cal, 'VERSION')?.value).toBe('2.0');
    const events = cal.children.filter((c) => c.type === 'VEVENT');
    expect(events).toHaveLength(2);
    const [first, second] = events;
    if (!first || !second) throw new Error('missing events');
    expect(prop(first, 'UID')?.value).toBe('c_1~expiry~-~2024-03-01@pactfile');
    expect(prop(first, 'DTSTAMP')?.value).toBe('20240102T030405Z');
    expect(prop(first, 'DTSTART')).toEqual({ name: 'DTSTART', params: { VALUE: 'DATE' }, value: '20240301' });
    expect(prop(first, 'DTEND')?.value).toBe('20240302');
    expect(unescapeText(prop(first, 'SUMMARY')?.value ?? '')).toBe(
      '合同到期：XSC-2024-001 上海某某科技有限公司技术服务合同（第二期），含保密条款；以及附件一、附件二与补充协议',
    );
    expect(unescapeText(prop(first, 'DESCRIPTION')?.value ?? '')).toBe(
      'Line one, with comma; semicolon\\backslash\nLine two',
    );
    expect(prop(first, 'URL')?.value).toBe('https://pactfile.example.com/contracts/c_1');
    const alarm = first.children[0];
    expect(alarm?.type).toBe('VALARM');
    expect(alarm && prop(alarm, 'TRIGGER')?.value).toBe('-P30D');
    expect(prop(second, 'DTEND')?.value).toBe('20250101');
    expect(second.children[0] && prop(second.children[0], 'TRIGGER')?.value).toBe('-P0D');
  });

  it('escapes backslash, semicolon, comma and line breaks', () => {
    expect(escapeText('a\\b;c,d\r\ne\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('folds a long Chinese line between characters, 3-octet characters never split', () => {
    const line = `SUMMARY:${'合'.repeat(60)}`;
    const folded = foldLine(line).split('\r\n');
    expect(folded.length).toBeGreaterThan(2);
    for (const l of folded) expect(octets(l)).toBeLessThanOrEqual(75);
    expect(folded.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(line);
    expect(foldLine('SHORT:x')).toBe('SHORT:x');
  });
});
