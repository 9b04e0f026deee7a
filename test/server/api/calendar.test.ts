import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayUtc } from '../../../server/obligations/calendar-date';
import { type Caller, DIALECTS, openTestRegistry, signIn, type TestRegistry } from '../../helpers/registry';
import { type ParsedComponent, parseCalendar, prop, unescapeText } from '../obligations/ical-parse';

describe.each(DIALECTS)('calendar feed on %s', (dialect) => {
  let t: TestRegistry;
  let sdStaff: Caller;
  let hrStaff: Caller;
  let number: string;
  const today = todayUtc();
  const title = '上海某某科技有限公司年度技术服务与运维保障合同（含保密条款，附件一；附件二）';

  /** Fetches a feed URL as a calendar client does: no bearer token. */
  const fetchFeed = async (url: string) => {
    const res = await t.app.request(new URL(url).pathname);
    return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
  };
  const events = (text: string): ParsedComponent[] =>
    parseCalendar(text).children.filter((c) => c.type === 'VEVENT');

  beforeAll(async () => {
    t = await openTestRegistry(dialect);
    sdStaff = await signIn(t, { email: 'sd@example.com', role: 'staff', department: 'SD' });
    hrStaff = await signIn(t, { email: 'hr@example.com', role: 'staff', department: 'HR' });
    const created = await sdStaff.json<{ id: string; number: string }>('POST', '/api/contracts', {
      title,
      type: 'services',
      expiryDate: addDays(today, 45),
      paymentMilestones: [{ label: 'Deposit, 30%', dueDate: addDays(today, 10) }],
    });
    number = created.body.number;
  });
  afterAll(() => t.close());

  it('serves a subscribable feed with one event per reminder, in the user language', async () => {
    const { status, body } = await sdStaff.json<{ url: string }>('GET', '/api/me/calendar?lang=zh');
    expect(status).toBe(200);
    expect(body.url).toMatch(/\/calendar\/[A-Za-z0-9_-]{40,}\.ics$/);
    const feed = await fetchFeed(body.url);
    expect(feed.status).toBe(200);
    expect(feed.type).toContain('text/calendar');
    for (const line of feed.text.split('\r\n'))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const list = events(feed.text);
    expect(list).toHaveLength(2);
    const expiry = list.find((e) => prop(e, 'DTSTART')?.value === addDays(today, 45).replaceAll('-', ''));
    if (!expiry) throw new Error('no expiry event');
    expect(unescapeText(prop(expiry, 'SUMMARY')?.value ?? '')).toBe(`合同到期：${number} ${title}`);
    expect(prop(expiry, 'DTSTART')?.params).toEqual({ VALUE: 'DATE' });
    expect(prop(expiry, 'URL')?.value).toMatch(/\/contracts\/c_/);
    expect(expiry.children[0] && prop(expiry.children[0], 'TRIGGER')?.value).toBe('-P30D');
    const payment = list.find((e) => e !== expiry);
    expect(unescapeText(prop(payment ?? expiry, 'SUMMARY')?.value ?? '')).toContain('Deposit, 30%');

    const en = await sdStaff.json<{ url: string }>('GET', '/api/me/calendar?lang=en');
    expect(en.body.url).toBe(body.url);
    const english = events((await fetchFeed(en.body.url)).text);
    expect(english.map((e) => unescapeText(prop(e, 'SUMMARY')?.value ?? '')).sort()[0]).toMatch(
      new RegExp(`^Contract expires: ${number}`),
    );
  });

  it('stops serving the old URL after rotation', async () => {
    const before = (await sdStaff.json<{ url: string }>('GET', '/api/me/calendar')).body.url;
    const rotated = await sdStaff.json<{ url: string }>('POST', '/api/me/calendar/rotate', {});
    expect(rotated.status).toBe(200);
    expect(rotated.body.url).not.toBe(before);
    expect((await fetchFeed(before)).status).toBe(404);
    expect((await fetchFeed(rotated.body.url)).status).toBe(200);
    expect((await fetchFeed(`${new URL(before).origin}/calendar/${'x'.repeat(43)}.ics`)).status).toBe(404);
  });

  it('lists nothing of another department', async () => {
    const { body } = await hrStaff.json<{ url: string }>('GET', '/api/me/calendar');
    const feed = await fetchFeed(body.url);
    expect(feed.status).toBe(200);
    expect(events(feed.text)).toEqual([]);
  });

  it('needs a signed-in user to hand out the URL', async () => {
    expect((await t.app.request('/api/me/calendar')).status).toBe(401);
  });
});
