import { createRoute } from '@hono/zod-openapi';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { visibleTo } from '../db/repos/contracts';
import { PaymentsRepo } from '../db/repos/payments';
import { statusMoves } from '../db/repos/status-moves';
import type { ApiApp } from '../http/env';
import { todayUtc } from '../obligations/calendar-date';
import {
  addCalendarMonths,
  approvalDurations,
  expiringByMonth,
  expiringTable,
  REPORT_GROUPS,
  summarize,
  summaryTable,
} from '../obligations/reports';
import type { Registry } from '../registry';
import { errorResponses } from './openapi-helpers';

const tags = ['Reports'];

const SummaryRow = z
  .object({
    group: z.string().nullable(),
    contracts: z.number().int(),
    currencies: z.array(
      z.object({
        currency: z.string(),
        signed: z.number().int().meta({ description: 'Amount of signed contracts, minor units' }),
        received: z.number().int().meta({ description: 'Payments received on signed contracts' }),
        collectionRateBp: z
          .number()
          .int()
          .nullable()
          .meta({ description: 'received / signed, basis points' }),
        overdue: z.number().int().meta({ description: 'Milestones past due and not fully paid' }),
      }),
    ),
    expiring30: z.number().int(),
    expiring60: z.number().int(),
    expiring90: z.number().int(),
    averageApprovalDays: z.number().nullable().meta({
      description:
        'Average days from entering review to approval over the approved contracts of the group (the round that was approved), one decimal',
    }),
  })
  .meta({ id: 'ReportSummaryRow' });

const ExpiringMonth = z
  .object({
    month: z.string().meta({ example: '2025-03' }),
    count: z.number().int(),
    byType: z.record(z.string(), z.number().int()),
  })
  .meta({ id: 'ReportExpiringMonth' });

const ExpiringQuery = z.object({
  months: z.coerce.number().int().min(1).max(120).default(12),
  from: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month as YYYY-MM')
    .optional()
    .meta({ description: 'First month, YYYY-MM; default the current month' }),
  format: z.enum(['json', 'csv']).default('json'),
});

const SummaryQuery = z.object({
  groupBy: z.enum(REPORT_GROUPS).default('department'),
  format: z.enum(['json', 'csv']).default('json'),
});

export function registerReportRoutes(app: ApiApp, registry: Registry): void {
  const payments = new PaymentsRepo(registry.db);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/reports/summary',
      tags,
      summary: 'Contracts, signed amounts, collection rate, overdue payments and expiries, by group',
      description:
        'Counts the contracts you can see. Amounts are minor units per currency. `format=csv` answers a UTF-8 CSV with a byte order mark (opens in Excel with Chinese intact), one line per group and currency.',
      request: { query: SummaryQuery },
      responses: {
        200: {
          description: 'The summary',
          content: {
            'application/json': {
              schema: z.object({ groupBy: z.string(), today: z.string(), rows: z.array(SummaryRow) }),
            },
            'text/csv': { schema: z.string() },
          },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { groupBy, format } = c.req.valid('query');
      const rows = await registry.db.db
        .selectFrom('contracts')
        .selectAll()
        .where(visibleTo(c.get('principal')))
        .execute();
      const contracts = await registry.contracts.hydrate(rows);
      const byContract = await payments.ofContracts(contracts.map((x) => x.id));
      const today = todayUtc();
      const approvals = approvalDurations(await statusMoves(registry.db, c.get('principal')));
      const summary = summarize(contracts, byContract, groupBy, today, approvals);
      if (format === 'csv') {
        const csv = stringify(summaryTable(summary, groupBy), { record_delimiter: '\r\n' });
        return c.body(`\uFEFF${csv}`, 200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="pactfile-summary-${groupBy}-${today}.csv"`,
        });
      }
      return c.json({ groupBy, today, rows: summary }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/reports/expiring',
      tags,
      summary: 'Contracts expiring per month, by type',
      description:
        'Counts the contracts you can see whose expiry date falls in each calendar month from `from` (default the current month, UTC) on, whole months. Terminated and archived contracts are left out: they no longer expire. `format=csv` answers a UTF-8 CSV with a byte order mark: `month,total` then one column per contract type.',
      request: { query: ExpiringQuery },
      responses: {
        200: {
          description: 'Expiries per month',
          content: {
            'application/json': {
              schema: z.object({ from: z.string(), months: z.array(ExpiringMonth) }),
            },
            'text/csv': { schema: z.string() },
          },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { months, format } = c.req.valid('query');
      const from = c.req.valid('query').from ?? todayUtc().slice(0, 7);
      const rows = await registry.db.db
        .selectFrom('contracts')
        .select(['type', 'expiry_date'])
        .where(visibleTo(c.get('principal')))
        .where('status', 'not in', ['terminated', 'archived'])
        .where('expiry_date', '>=', `${from}-01`)
        .where('expiry_date', '<', `${addCalendarMonths(from, months)}-01`)
        .execute();
      const report = expiringByMonth(
        rows.map((r) => ({ type: r.type, expiryDate: r.expiry_date })),
        from,
        months,
      );
      if (format === 'csv') {
        const csv = stringify(expiringTable(report), { record_delimiter: '\r\n' });
        return c.body(`\uFEFF${csv}`, 200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="pactfile-expiring-${from}-${months}m.csv"`,
        });
      }
      return c.json({ from, months: report }, 200);
    },
  );
}
