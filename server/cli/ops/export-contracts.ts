/**
 * Every contract with its metadata, as CSV for Excel or as JSON. The CSV's headers are ones the
 * importer reads back, so an export can be edited in Excel and imported as a ledger.
 */
import { type Contract, ContractListQuery } from '@shared/schemas/contract';
import { stringify } from 'csv-stringify/sync';
import type { Registry } from '../../registry';
import { fieldOfHeader } from './ledger';
import { formatMinor } from './money';
import { CLI_PRINCIPAL } from './principal';

export type ExportFormat = 'csv' | 'json';

export interface ExportedContract extends Contract {
  ownerEmail: string | null;
  latestFile: string | null;
}

const PAGE = 200;

/** Every contract, oldest first, with the owner's email and the newest version's file name. */
export async function* exportedContracts(registry: Registry): AsyncGenerator<ExportedContract> {
  const emails = new Map((await registry.users.list()).map((u) => [u.id, u.email]));
  let cursor: string | undefined;
  do {
    const query = ContractListQuery.parse({ sort: 'createdAt', order: 'asc', limit: PAGE, cursor });
    const page = await registry.contracts.list(query, CLI_PRINCIPAL);
    const latest = await latestFiles(
      registry,
      page.items.map((c) => c.id),
    );
    for (const c of page.items) {
      yield {
        ...c,
        ownerEmail: c.owner ? (emails.get(c.owner) ?? null) : null,
        latestFile: latest.get(c.id) ?? null,
      };
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

async function latestFiles(registry: Registry, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await registry.db.db
    .selectFrom('versions')
    .innerJoin('contracts', 'contracts.id', 'versions.contract_id')
    .select(['versions.contract_id', 'versions.filename'])
    .whereRef('versions.seq', '=', 'contracts.version_count')
    .where('versions.contract_id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.contract_id, r.filename]));
}

/** The custom-field names used by any contract, sorted, for the CSV's extra columns. */
async function customFieldNames(registry: Registry): Promise<string[]> {
  const names = new Set<string>();
  const rows = await registry.db.db.selectFrom('contracts').select('custom_fields').execute();
  for (const r of rows) {
    try {
      for (const k of Object.keys(JSON.parse(r.custom_fields) as object)) names.add(k);
    } catch {
      // A malformed value is exported as empty cells.
    }
  }
  return [...names].sort((a, b) => a.localeCompare(b));
}

const STANDARD_COLUMNS = [
  'number',
  'title',
  'type',
  'status',
  'department',
  'counterparty',
  'ourEntity',
  'amount',
  'currency',
  'signedDate',
  'effectiveDate',
  'expiryDate',
  'autoRenew',
  'noticeDays',
  'owner',
  'tags',
  'versionCount',
  'latestFile',
  'createdAt',
  'updatedAt',
  'id',
] as const;

function standardCells(c: ExportedContract): Record<(typeof STANDARD_COLUMNS)[number], string> {
  return {
    number: c.number,
    title: c.title,
    type: c.type,
    status: c.status,
    department: c.department ?? '',
    counterparty: c.counterparty.map((p) => p.name).join('; '),
    ourEntity: c.ourEntity ?? '',
    amount: c.amount ? formatMinor(c.amount.value, c.amount.currency) : '',
    currency: c.amount?.currency ?? '',
    signedDate: c.signedDate ?? '',
    effectiveDate: c.effectiveDate ?? '',
    expiryDate: c.expiryDate ?? '',
    autoRenew: c.renewal.autoRenew ? 'yes' : 'no',
    noticeDays: c.renewal.noticeDays === null ? '' : String(c.renewal.noticeDays),
    owner: c.ownerEmail ?? '',
    tags: c.tags.join('; '),
    versionCount: String(c.versionCount),
    latestFile: c.latestFile ?? '',
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    id: c.id,
  };
}

/** Excel runs cells starting with = + - @ as formulas: such text gets a leading quote, which the importer drops. */
export const guardCell = (s: string): string => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

const csvLine = (cells: string[]) => stringify([cells.map(guardCell)], { record_delimiter: 'windows' });

/**
 * Writes the export through `write`; resolves to the number of contracts. CSV starts with a BOM
 * so that Excel reads the UTF-8 (and the Chinese in it) correctly.
 */
export async function exportContracts(
  registry: Registry,
  format: ExportFormat,
  write: (chunk: string) => void | Promise<void>,
): Promise<number> {
  let count = 0;
  if (format === 'json') {
    await write('[');
    for await (const c of exportedContracts(registry)) {
      await write(`${count === 0 ? '\n' : ',\n'}${JSON.stringify(c)}`);
      count++;
    }
    await write(count === 0 ? ']\n' : '\n]\n');
    return count;
  }
  const custom = await customFieldNames(registry);
  // A custom field whose name the importer would take for a standard column is written as custom:<name>.
  const customHeaders = custom.map((k) =>
    fieldOfHeader(k) || STANDARD_COLUMNS.some((s) => s === k) ? `custom:${k}` : k,
  );
  await write(`\uFEFF${csvLine([...STANDARD_COLUMNS, ...customHeaders])}`);
  for await (const c of exportedContracts(registry)) {
    const standard = standardCells(c);
    const extra = custom.map((k) => {
      const v = c.customFields[k];
      return v === undefined || v === null ? '' : String(v);
    });
    await write(csvLine([...STANDARD_COLUMNS.map((k) => standard[k]), ...extra]));
    count++;
  }
  return count;
}
