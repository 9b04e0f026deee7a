/**
 * A contract ledger (台账) saved from Excel as CSV: decoded whatever Excel chose (UTF-8 with or
 * without BOM, GBK, UTF-16), its header row found and matched in Chinese or English, and each row
 * turned into a contract to create plus the files it names. Rows that cannot be read carry the
 * reasons instead, so one bad row never stops the others.
 */
import { createHash } from 'node:crypto';
import { type ContractCreate, ContractCreate as ContractCreateSchema } from '@shared/schemas/contract';
import { parse } from 'csv-parse/sync';
import {
  amountHintsFromHeader,
  type CellResult,
  cellText,
  cleanCell,
  isBlankCell,
  parseAmountCell,
  parseBooleanCell,
  parseCurrencyCell,
  parseDateCell,
  parseDaysCell,
  parseListCell,
  parseStatusCell,
} from './ledger-cells';
import { LocalizedError, type LocalizedText, msg } from './messages';

export type LedgerField =
  | 'file'
  | 'title'
  | 'type'
  | 'department'
  | 'counterparty'
  | 'ourEntity'
  | 'amount'
  | 'currency'
  | 'signedDate'
  | 'effectiveDate'
  | 'expiryDate'
  | 'owner'
  | 'tags'
  | 'status'
  | 'autoRenew'
  | 'noticeDays'
  | 'ignore';

/** Header names per field, compared after normalizeHeader(). `ignore` holds row numbers and export-only columns. */
const ALIASES: Record<LedgerField, string[]> = {
  file: [
    '文件',
    '文件名',
    '文件名称',
    '文件路径',
    '路径',
    '附件',
    '扫描件',
    '电子版',
    '合同文件',
    'file',
    'files',
    'filename',
    'path',
    'attachment',
    'attachments',
    'document',
    'documents',
  ],
  title: [
    '合同名称',
    '名称',
    '合同标题',
    '标题',
    '项目名称',
    'title',
    'name',
    'contractname',
    'contracttitle',
  ],
  type: ['合同类型', '类型', '合同类别', '类别', '合同分类', 'type', 'contracttype', 'category'],
  department: ['部门', '所属部门', '承办部门', '经办部门', '归口部门', 'department', 'dept'],
  counterparty: [
    '对方',
    '相对方',
    '合同相对方',
    '对方单位',
    '对方名称',
    '合作方',
    '签约对方',
    'counterparty',
    'counterparties',
    'party',
    'parties',
  ],
  ourEntity: ['我方', '我方主体', '我方单位', '签约主体', '签约单位', 'ourentity', 'entity'],
  amount: [
    '金额',
    '合同金额',
    '合同额',
    '合同总额',
    '总金额',
    '合同价款',
    '价款',
    'amount',
    'value',
    'contractvalue',
  ],
  currency: ['币种', '币别', '货币', '结算币种', 'currency'],
  signedDate: [
    '签订日期',
    '签约日期',
    '签署日期',
    '签订时间',
    'signed',
    'signeddate',
    'signingdate',
    'datesigned',
  ],
  effectiveDate: [
    '生效日期',
    '开始日期',
    '起始日期',
    '履行开始日期',
    'effective',
    'effectivedate',
    'startdate',
  ],
  expiryDate: [
    '到期日期',
    '到期日',
    '终止日期',
    '截止日期',
    '结束日期',
    '届满日期',
    'expiry',
    'expirydate',
    'expirationdate',
    'enddate',
  ],
  owner: ['负责人', '经办人', '承办人', '合同负责人', 'owner', 'owneremail', 'responsible'],
  tags: ['标签', 'tags', 'tag', 'labels'],
  status: ['状态', '合同状态', 'status'],
  autoRenew: ['自动续约', '自动续期', 'autorenew'],
  noticeDays: ['通知期', '提前通知天数', '续约通知天数', 'noticedays', 'noticeperiod'],
  ignore: [
    '序号',
    '编号序号',
    'no',
    'no.',
    '#',
    'id',
    'versioncount',
    'latestfile',
    'createdat',
    'updatedat',
  ],
};

/** Header text without what varies between ledgers: width, case, spaces, `*` marks, a (unit) suffix. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/^\uFEFF/, '')
    .replace(/\([^)]*\)$/, '')
    .toLowerCase()
    .replace(/[\s_\-:*]/g, '');
}

const FIELD_BY_ALIAS = new Map<string, LedgerField>(
  (Object.entries(ALIASES) as [LedgerField, string[]][]).flatMap(([field, names]) =>
    names.map((n) => [normalizeHeader(n), field] as const),
  ),
);

/** The field a header names, or null for a column that becomes a custom field. */
export const fieldOfHeader = (header: string): LedgerField | null =>
  FIELD_BY_ALIAS.get(normalizeHeader(header)) ?? null;

export interface LedgerColumn {
  index: number;
  header: string;
  /** null: the column is kept as a custom field under its header. */
  field: LedgerField | null;
}

export interface LedgerRow {
  /** Row number as Excel shows it (1-based, the header row counted). */
  row: number;
  /** The title, else the first file, for messages. */
  label: string;
  /** File references as written, one per `;`-separated item. */
  files: string[];
  /** The contract to create; null when the row has problems. */
  contract: ContractCreate | null;
  /** Owner as written (email or name); the importer resolves it to a user. */
  owner: string | null;
  problems: LocalizedText[];
  /** Hash of the row's metadata, to recognise a row without files when the ledger is imported again. */
  fingerprint: string;
}

export interface Ledger {
  encoding: 'utf-8' | 'gbk' | 'utf-16le' | 'utf-16be';
  delimiter: string;
  headerRow: number;
  columns: LedgerColumn[];
  rows: LedgerRow[];
}

/** The ledger as a whole cannot be used (not a CSV, no header row…). */
export class LedgerError extends LocalizedError {}

const startsWith = (b: Uint8Array, magic: number[]) => magic.every((x, i) => b[i] === x);

/** Decodes the bytes as Excel saved them: BOMs first, then strict UTF-8, else GBK (what Excel uses in China). */
export function decodeLedger(bytes: Uint8Array): { text: string; encoding: Ledger['encoding'] } {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new LedgerError(
      msg(
        '台账是 Excel 工作簿，不是 CSV：请在 Excel 中“另存为”→“CSV UTF-8（逗号分隔）”后再导入。',
        'The ledger is an Excel workbook, not a CSV: in Excel use Save As → "CSV UTF-8 (Comma delimited)", then import that file.',
      ),
    );
  }
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (startsWith(bytes, [0xff, 0xfe])) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (startsWith(bytes, [0xfe, 0xff])) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gbk').decode(bytes), encoding: 'gbk' };
  }
}

/** Comma, tab (Excel's "Unicode text") or semicolon (Excel in some European locales), from the first line. */
export function sniffDelimiter(text: string): string {
  const first = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const outsideQuotes = first.replace(/"[^"]*"/g, '');
  const counts = [',', '\t', ';'].map((d) => [d, outsideQuotes.split(d).length - 1] as const);
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ',';
}

/** Ledgers often open with a title line ("2023年合同台账"): the header is the row naming the most known fields. */
function findHeaderRow(records: string[][]): number {
  let best = -1;
  let bestScore = 0;
  for (let i = 0; i < Math.min(records.length, 10); i++) {
    const fields = new Set(
      (records[i] ?? []).map((h) => fieldOfHeader(h)).filter((f) => f && f !== 'ignore'),
    );
    const usable = fields.has('title') || fields.has('file');
    if (usable && fields.size > bestScore) {
      best = i;
      bestScore = fields.size;
    }
  }
  return best;
}

const TOTAL_ROW = /^(合计|总计|小计|total|sum)/i;

export interface LedgerDefaults {
  type?: string;
  department?: string;
  /** Today as YYYY-MM-DD, to tell expired contracts from active ones when no status is given. */
  today: string;
}

export const DEFAULT_IMPORT_TYPE = 'other';

/** Reads a ledger CSV. Throws LedgerError when the file as a whole is unusable. */
export function parseLedger(bytes: Uint8Array, defaults: LedgerDefaults): Ledger {
  const { text, encoding } = decodeLedger(bytes);
  const delimiter = sniffDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new LedgerError(
      msg(`台账不是可读的 CSV：${reason}`, `The ledger is not a readable CSV: ${reason}`),
    );
  }
  const headerIndex = findHeaderRow(records);
  if (headerIndex < 0) {
    throw new LedgerError(
      msg(
        '前 10 行中没有找到表头：需要“合同名称”（title）或“文件”（file）列。',
        'No header row in the first 10 rows: the ledger needs a 合同名称 (title) or 文件 (file) column.',
      ),
    );
  }
  const seen = new Set<LedgerField>();
  const columns: LedgerColumn[] = (records[headerIndex] ?? []).map((raw, index) => {
    const header = cellText(raw);
    const field = fieldOfHeader(header);
    const first = field !== null && !seen.has(field);
    if (field) seen.add(field);
    // A second column for the same field is kept as a custom field rather than silently merged.
    return { index, header, field: first || field === 'ignore' ? field : null };
  });
  const rows: LedgerRow[] = [];
  for (let i = headerIndex + 1; i < records.length; i++) {
    const cells = records[i] ?? [];
    if (cells.every((c) => cleanCell(c) === '')) continue;
    const row = readRow(cells, i + 1, columns, defaults);
    if (row) rows.push(row);
  }
  return { encoding, delimiter, headerRow: headerIndex + 1, columns, rows };
}

/** One ledger row; null for a totals row (合计) that names no contract. */
function readRow(
  cells: string[],
  rowNumber: number,
  columns: LedgerColumn[],
  defaults: LedgerDefaults,
): LedgerRow | null {
  const problems: LocalizedText[] = [];
  const headerOf = new Map<LedgerField, string>();
  const cellOf = (field: LedgerField): string | undefined => {
    const col = columns.find((c) => c.field === field);
    return col ? cells[col.index] : undefined;
  };
  for (const c of columns) if (c.field) headerOf.set(c.field, c.header);
  const take = <T>(field: LedgerField, result: CellResult<T>): T | null => {
    if (result.ok) return result.value;
    const header = headerOf.get(field) ?? field;
    problems.push(
      msg(
        `第 ${rowNumber} 行“${header}”列：${result.error.zh}`,
        `column ${header}, row ${rowNumber}: ${result.error.en}`,
      ),
    );
    return null;
  };

  const files = parseListCell(cellOf('file'), /[;；|\n]/);
  const title = isBlankCell(cellOf('title')) ? '' : cellText(cellOf('title'));
  if (!title && files.length === 0) {
    if (cells.some((c) => TOTAL_ROW.test(cleanCell(c)))) return null;
    problems.push(
      msg(`第 ${rowNumber} 行既没有合同名称也没有文件`, `row ${rowNumber} has neither a title nor a file`),
    );
  }
  const amountColumn = columns.find((c) => c.field === 'amount');
  const currency = take('currency', parseCurrencyCell(cellOf('currency')));
  const amount = take(
    'amount',
    parseAmountCell(cellOf('amount'), {
      currency,
      ...(amountColumn ? amountHintsFromHeader(amountColumn.header) : {}),
    }),
  );
  const signedDate = take('signedDate', parseDateCell(cellOf('signedDate')));
  const effectiveDate = take('effectiveDate', parseDateCell(cellOf('effectiveDate')));
  const expiryDate = take('expiryDate', parseDateCell(cellOf('expiryDate')));
  const status = take('status', parseStatusCell(cellOf('status')));
  const autoRenew = take('autoRenew', parseBooleanCell(cellOf('autoRenew')));
  const noticeDays = take('noticeDays', parseDaysCell(cellOf('noticeDays')));
  const owner = isBlankCell(cellOf('owner')) ? null : cellText(cellOf('owner'));
  const typeCell = isBlankCell(cellOf('type')) ? '' : cleanCell(cellOf('type')).replace(/\s+/g, '-');
  const departmentCell = isBlankCell(cellOf('department')) ? '' : cleanCell(cellOf('department'));

  const customFields: Record<string, string> = {};
  for (const c of columns) {
    if (c.field !== null || c.header === '') continue;
    const value = cellText(cells[c.index]);
    const key = c.header.replace(/^(custom|自定义)[:：]/i, '');
    if (value !== '') customFields[[...key].slice(0, 80).join('')] = [...value].slice(0, 2000).join('');
  }

  const fileTitle =
    (files[0] ?? '')
      .split(/[\\/]/)
      .pop()
      ?.replace(/\.[^.]+$/, '') ?? '';
  const input: ContractCreate = {
    title: title || fileTitle,
    type: typeCell || defaults.type || DEFAULT_IMPORT_TYPE,
    department: departmentCell || defaults.department || null,
    counterparty: parseListCell(cellOf('counterparty'), /[;；\n]/).map((name) => ({
      name,
      role: 'counterparty',
    })),
    ourEntity: isBlankCell(cellOf('ourEntity')) ? null : cellText(cellOf('ourEntity')),
    amount,
    signedDate,
    effectiveDate,
    expiryDate,
    status: status ?? defaultStatus({ signedDate, effectiveDate, expiryDate }, defaults.today),
    tags: parseListCell(cellOf('tags')),
    customFields,
    ...(autoRenew !== null || noticeDays !== null
      ? { renewal: { autoRenew: autoRenew ?? false, noticeDays: noticeDays ?? null } }
      : {}),
  };

  let contract: ContractCreate | null = null;
  if (problems.length === 0) {
    const parsed = ContractCreateSchema.safeParse(input);
    if (parsed.success) {
      contract = parsed.data;
    } else {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        const header = headerOf.get(field as LedgerField) ?? field;
        problems.push(
          msg(
            `第 ${rowNumber} 行“${header}”列：${issue.message}`,
            `column ${header}, row ${rowNumber}: ${issue.message}`,
          ),
        );
      }
    }
  }
  return {
    row: rowNumber,
    label: input.title || `row ${rowNumber}`,
    files,
    contract,
    owner,
    problems,
    fingerprint: createHash('sha256')
      .update(JSON.stringify([input, owner]))
      .digest('hex'),
  };
}

/** A ledger row without a status: signed contracts are in force, or expired once their end date has passed. */
function defaultStatus(
  d: { signedDate: string | null; effectiveDate: string | null; expiryDate: string | null },
  today: string,
): ContractCreate['status'] {
  if (d.expiryDate && d.expiryDate < today) return 'expired';
  if (d.signedDate || d.effectiveDate) return 'active';
  return undefined;
}
