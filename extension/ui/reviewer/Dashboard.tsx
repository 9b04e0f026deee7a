import { contractTypeName } from '@shared/contract-type-names';
import { type ReactNode, useCallback, useId, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { type Language, type MessageKey, translate } from '../i18n';
import { SectionError } from './ErrorNote';
import { formatMoney, formatMonth, formatNumber, formatRate } from './format';
import { useLoad } from './load';
import type { ExpiringReport, SummaryReport, SummaryRow } from './types';

export interface DashboardProps {
  lang: Language;
  reportSummary(groupBy: 'department'): Promise<SummaryReport>;
  reportExpiring(months: number): Promise<ExpiringReport>;
  /** Chart width in pixels until the page has measured the room the charts have (they then follow it). */
  width?: number;
}

const COLORS = ['#2563eb', '#f97316', '#059669', '#a855f7', '#dc2626', '#0891b2', '#ca8a04', '#6b7280'];
const HEIGHT = 240;

/** A chart as wide as the page gives it, redrawn when the page is resized. */
function Sized({ width, children }: { width: number; children: ReactNode }) {
  return (
    <div className="chart-box">
      <ResponsiveContainer width="100%" height={HEIGHT} initialDimension={{ width, height: HEIGHT }}>
        {children}
      </ResponsiveContainer>
    </div>
  );
}

/** A chart with its caption, a one-line summary for screen readers, and its numbers as a table. */
function ChartFigure({
  title,
  summary,
  showTable,
  chart,
  table,
  name,
  empty = false,
}: {
  /** Nothing to draw: the summary says so, and no empty axes are shown. */
  empty?: boolean;
  title: string;
  summary: string;
  showTable: boolean;
  chart: ReactNode;
  table: ReactNode;
  name: string;
}) {
  const id = useId();
  return (
    <figure className="chart" data-chart={name} aria-labelledby={`${id}-t`} aria-describedby={`${id}-s`}>
      <figcaption id={`${id}-t`}>{title}</figcaption>
      <p id={`${id}-s`} className="meta chart-summary">
        {summary}
      </p>
      {empty ? null : <div aria-hidden="true">{chart}</div>}
      {empty ? null : <div className={showTable ? '' : 'sr-only'}>{table}</div>}
    </figure>
  );
}

/** The currencies in the summary, the one with the largest signed amount first. */
function currenciesOf(rows: SummaryRow[]): string[] {
  const totals = new Map<string, number>();
  for (const r of rows)
    for (const c of r.currencies) totals.set(c.currency, (totals.get(c.currency) ?? 0) + c.signed);
  return [...totals.entries()].sort((a, b) => b[1] - a[1]).map(([c]) => c);
}

function ExpiringChart({
  lang,
  report,
  width,
  showTable,
}: {
  lang: Language;
  report: ExpiringReport;
  width: number;
  showTable: boolean;
}) {
  const t = (k: MessageKey, p?: Record<string, string>) => translate(lang, k, p);
  const types = [...new Set(report.months.flatMap((m) => Object.keys(m.byType)))].sort();
  const data = report.months.map((m) => ({ month: formatMonth(m.month, lang), ...m.byType }));
  const total = report.months.reduce((n, m) => n + m.count, 0);
  const peak = report.months.reduce<ExpiringReport['months'][number] | null>(
    (a, m) => (!a || m.count > a.count ? m : a),
    null,
  );
  const summary =
    total === 0 || !peak
      ? t('chart.expiringNone', { months: String(report.months.length) })
      : t('chart.expiringSummary', {
          total: String(total),
          months: String(report.months.length),
          peak: formatMonth(peak.month, lang),
          count: String(peak.count),
        });
  return (
    <ChartFigure
      name="expiring"
      empty={total === 0}
      title={t('chart.expiringTitle')}
      summary={summary}
      showTable={showTable}
      chart={
        <Sized width={width}>
          <BarChart data={data}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="month" fontSize={11} />
            <YAxis allowDecimals={false} fontSize={11} />
            <Tooltip />
            <Legend />
            {types.map((type, i) => (
              <Bar
                key={type}
                dataKey={type}
                name={contractTypeName(type, lang)}
                stackId="types"
                fill={COLORS[i % COLORS.length]}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </Sized>
      }
      table={
        <table className="grid">
          <caption>{t('chart.expiringTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('chart.month')}</th>
              <th scope="col">{t('chart.total')}</th>
              {types.map((type) => (
                <th key={type} scope="col">
                  {contractTypeName(type, lang)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.months.map((m) => (
              <tr key={m.month} data-month={m.month}>
                <th scope="row">{formatMonth(m.month, lang)}</th>
                <td className="num">{m.count}</td>
                {types.map((type) => (
                  <td key={type} className="num">
                    {m.byType[type] ?? 0}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

function DepartmentCharts({
  lang,
  report,
  width,
  showTable,
}: {
  lang: Language;
  report: SummaryReport;
  width: number;
  showTable: boolean;
}) {
  const t = (k: MessageKey, p?: Record<string, string>) => translate(lang, k, p);
  const currencies = currenciesOf(report.rows);
  const [chosen, setChosen] = useState<string | null>(null);
  const currency = chosen && currencies.includes(chosen) ? chosen : (currencies[0] ?? null);
  const group = (r: SummaryRow) => r.group ?? t('chart.noGroup');
  const rows = report.rows.map((r) => {
    const money = r.currencies.find((c) => c.currency === currency);
    return {
      group: group(r),
      signed: money?.signed ?? 0,
      received: money?.received ?? 0,
      rateBp: money?.collectionRateBp ?? null,
      days: r.averageApprovalDays,
    };
  });
  const money = (v: number) => (currency ? formatMoney(v, currency, lang) : String(v));
  const bySigned = [...rows].sort((a, b) => b.signed - a.signed);
  const withRate = rows.filter((r) => r.rateBp !== null);
  const withDays = rows.filter((r) => r.days !== null);
  const slowest = withDays.reduce<(typeof rows)[number] | null>(
    (a, r) => (!a || (r.days ?? 0) > (a.days ?? 0) ? r : a),
    null,
  );
  const lowest = withRate.reduce<(typeof rows)[number] | null>(
    (a, r) => (!a || (r.rateBp ?? 0) < (a.rateBp ?? 0) ? r : a),
    null,
  );
  const table = (
    caption: string,
    name: string,
    cells: (r: (typeof rows)[number]) => string,
    list: typeof rows,
  ) => (
    <table className="grid" data-table={name}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('chart.department')}</th>
          <th scope="col">{caption}</th>
        </tr>
      </thead>
      <tbody>
        {list.map((r) => (
          <tr key={r.group}>
            <th scope="row">{r.group}</th>
            <td className="num">{cells(r)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  if (rows.length === 0) return <p className="meta">{t('chart.noContracts')}</p>;
  return (
    <>
      {currencies.length > 1 ? (
        <label className="inline">
          {t('currencyLabel')}{' '}
          <select value={currency ?? ''} onChange={(e) => setChosen(e.target.value)}>
            {currencies.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </label>
      ) : null}
      <ChartFigure
        name="signed"
        empty={!bySigned.some((r) => r.signed > 0)}
        title={t('chart.signedTitle', { currency: currency ?? '' })}
        summary={
          bySigned[0] && bySigned[0].signed > 0
            ? t('chart.signedSummary', {
                total: money(rows.reduce((n, r) => n + r.signed, 0)),
                top: bySigned[0].group,
                amount: money(bySigned[0].signed),
              })
            : t('chart.signedNone')
        }
        showTable={showTable}
        chart={
          <Sized width={width}>
            <BarChart data={bySigned.map((r) => ({ group: r.group, signed: r.signed / 100 }))}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="group" fontSize={11} />
              <YAxis fontSize={11} tickFormatter={(v: number) => formatNumber(v, lang)} />
              <Tooltip formatter={(v) => money(Math.round(Number(v) * 100))} />
              <Bar dataKey="signed" name={t('chart.signed')} fill={COLORS[0]} isAnimationActive={false} />
            </BarChart>
          </Sized>
        }
        table={table(t('chart.signed'), 'signed', (r) => money(r.signed), bySigned)}
      />
      <ChartFigure
        name="collection"
        empty={withRate.length === 0}
        title={t('chart.collectionTitle', { currency: currency ?? '' })}
        summary={
          lowest && lowest.rateBp !== null
            ? t('chart.collectionSummary', { lowest: lowest.group, rate: formatRate(lowest.rateBp, lang) })
            : t('chart.collectionNone')
        }
        showTable={showTable}
        chart={
          <Sized width={width}>
            <BarChart data={withRate.map((r) => ({ group: r.group, rate: (r.rateBp ?? 0) / 100 }))}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="group" fontSize={11} />
              <YAxis domain={[0, 100]} unit="%" fontSize={11} />
              <Tooltip formatter={(v) => formatRate(Math.round(Number(v) * 100), lang)} />
              <Bar
                dataKey="rate"
                name={t('chart.collectionRate')}
                fill={COLORS[2]}
                isAnimationActive={false}
              />
            </BarChart>
          </Sized>
        }
        table={table(
          t('chart.collectionRate'),
          'collection',
          (r) => `${formatRate(r.rateBp ?? 0, lang)} (${money(r.received)} / ${money(r.signed)})`,
          withRate,
        )}
      />
      <ChartFigure
        name="cycle"
        empty={withDays.length === 0}
        title={t('chart.cycleTitle')}
        summary={
          slowest && slowest.days !== null
            ? t('chart.cycleSummary', { slowest: slowest.group, days: formatNumber(slowest.days, lang, 1) })
            : t('chart.cycleNone')
        }
        showTable={showTable}
        chart={
          <Sized width={width}>
            <BarChart data={withDays.map((r) => ({ group: r.group, days: r.days }))}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="group" fontSize={11} />
              <YAxis fontSize={11} />
              <Tooltip formatter={(v) => t('chart.days', { days: formatNumber(Number(v), lang, 1) })} />
              <Bar dataKey="days" name={t('chart.cycleDays')} fill={COLORS[1]} isAnimationActive={false} />
            </BarChart>
          </Sized>
        }
        table={table(
          t('chart.cycleDays'),
          'cycle',
          (r) => t('chart.days', { days: formatNumber(r.days ?? 0, lang, 1) }),
          withDays,
        )}
      />
    </>
  );
}

/** What a manager looks at: expiries ahead, signed amounts, collection and approval speed by department. */
export function Dashboard({ lang, reportSummary, reportExpiring, width = 640 }: DashboardProps) {
  const t = (k: MessageKey, p?: Record<string, string>) => translate(lang, k, p);
  const [showTable, setShowTable] = useState(false);
  const loadSummary = useCallback(() => reportSummary('department'), [reportSummary]);
  const loadExpiring = useCallback(() => reportExpiring(12), [reportExpiring]);
  const summary = useLoad(loadSummary);
  const expiring = useLoad(loadExpiring);
  const rows = summary.result.state === 'done' ? summary.result.data.rows : [];
  const sum = (k: 'expiring30' | 'expiring60' | 'expiring90') => rows.reduce((n, r) => n + r[k], 0);
  return (
    <main data-dashboard="">
      <h1>{t('dashboardTitle')}</h1>
      <label className="inline">
        <input type="checkbox" checked={showTable} onChange={(e) => setShowTable(e.target.checked)} />{' '}
        {t('chart.showTables')}
      </label>
      {summary.result.state === 'done' ? (
        <p className="kpis" data-kpis="">
          {t('chart.kpis', {
            contracts: String(rows.reduce((n, r) => n + r.contracts, 0)),
            d30: String(sum('expiring30')),
            d60: String(sum('expiring60')),
            d90: String(sum('expiring90')),
          })}
        </p>
      ) : null}
      <h2>{t('chart.expiringHeading')}</h2>
      {expiring.result.state === 'loading' ? <p className="meta">{t('loading')}</p> : null}
      {expiring.result.state === 'error' ? (
        <SectionError lang={lang} error={expiring.result.error} onRetry={expiring.reload} />
      ) : null}
      {expiring.result.state === 'done' ? (
        <ExpiringChart lang={lang} report={expiring.result.data} width={width} showTable={showTable} />
      ) : null}
      <h2>{t('chart.byDepartment')}</h2>
      {summary.result.state === 'loading' ? <p className="meta">{t('loading')}</p> : null}
      {summary.result.state === 'error' ? (
        <SectionError lang={lang} error={summary.result.error} onRetry={summary.reload} />
      ) : null}
      {summary.result.state === 'done' ? (
        <DepartmentCharts lang={lang} report={summary.result.data} width={width} showTable={showTable} />
      ) : null}
    </main>
  );
}
