import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { RemindersRepo } from '../db/repos/reminders';
import { notFound } from '../errors';
import type { ApiApp } from '../http/env';
import { todayUtc } from '../obligations/calendar-date';
import { feedName, reminderEvents } from '../obligations/calendar-feed';
import { renderCalendar } from '../obligations/ical';
import { remindersFor } from '../obligations/reminder-list';
import type { Registry } from '../registry';
import { errorResponses, json, notFoundResponse } from './openapi-helpers';

const tags = ['Reminders'];
const FeedUrl = z
  .object({ url: z.string().meta({ example: 'https://pactfile.example.com/calendar/Xk3….ics' }) })
  .meta({ id: 'CalendarFeedUrl' });
const LangQuery = z.object({
  lang: z.enum(['zh', 'en']).default('zh').meta({ description: 'Language of the event titles' }),
});

const feedPath = (token: string) => `/calendar/${token}.ics`;

export function registerCalendarRoutes(app: ApiApp, registry: Registry): void {
  const repo = new RemindersRepo(registry.db);
  const origin = (url: string) => new URL(url).origin;

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/me/calendar',
      tags,
      summary: 'The secret URL of my iCalendar feed of reminders (subscribe in Outlook or Google Calendar)',
      description:
        'The feed needs no bearer token: whoever has the URL can read it, so treat it as a secret. Rotate it to revoke.',
      request: { query: LangQuery },
      responses: { 200: json(FeedUrl, 'The feed URL'), ...errorResponses },
    }),
    async (c) => {
      const feed = await repo.feedOf(c.get('principal').userId, c.req.valid('query').lang);
      return c.json({ url: `${origin(c.req.url)}${feedPath(feed.token)}` }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/me/calendar/rotate',
      tags,
      summary: 'Issue a new feed URL; the old one stops working',
      request: { query: LangQuery },
      responses: { 200: json(FeedUrl, 'The new feed URL'), ...errorResponses },
    }),
    async (c) => {
      const feed = await repo.rotateFeed(c.get('principal').userId, c.req.valid('query').lang);
      return c.json({ url: `${origin(c.req.url)}${feedPath(feed.token)}` }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/calendar/{file}',
      tags,
      security: [],
      summary:
        'An iCalendar feed (RFC 5545) of the reminders its owner can see; authorised by the secret in the URL',
      request: { params: z.object({ file: z.string().regex(/^[A-Za-z0-9_-]{20,100}\.ics$/) }) },
      responses: {
        200: { description: 'The feed', content: { 'text/calendar': { schema: z.string() } } },
        ...notFoundResponse,
      },
    }),
    async (c) => {
      const token = c.req.valid('param').file.replace(/\.ics$/, '');
      const feed = await repo.feedByToken(token);
      const user = feed ? await registry.users.byId(feed.userId) : null;
      if (!feed || !user || user.disabled) throw notFound('Calendar feed');
      const principal = { userId: user.id, role: user.role, department: user.department };
      const reminders = await remindersFor(registry, principal, todayUtc());
      const body = renderCalendar({
        name: feedName(feed.language),
        stamp: new Date(),
        events: reminderEvents(reminders, feed.language, origin(c.req.url)),
      });
      return c.body(body, 200, {
        'content-type': 'text/calendar; charset=utf-8',
        'cache-control': 'private, max-age=300',
      });
    },
  );
}
