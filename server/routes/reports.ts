import { createRoute } from '@hono/zod-openapi';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { visibleTo } from '../db/repos/contracts';
import { PaymentsRepo } from '../db/repos/payments';
import type { ApiApp } from '../http/env';
import { todayUtc } from '../obligations/calendar-date';
import { REPORT_GROUPS, summarize, summaryTable } from '../obligations/reports';
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
    averageApprovalDays: z.number().nullable(),
  })
  .meta({ id: 'ReportSummaryRow' });

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
      const summary = summarize(contracts, byContract, groupBy, today);
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
}
