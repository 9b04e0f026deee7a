/**
 * Bulk import of a folder of PDF/DOCX files, with an optional ledger (台账) of their metadata: the
 * way in from Excel ledgers and scanned archives. Each ledger row becomes one contract holding the
 * files it names; each file no row names becomes a contract titled by its file name.
 *
 * Safe to run again: bytes already filed (same SHA-256) are never filed twice, and a ledger row
 * without files is remembered by a marker in the `meta` table. A failing row or file is reported
 * and the others go on.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { type ContractCreate, ContractType, Department } from '@shared/schemas/contract';
import { BlobHashMismatchError, BlobTooLargeError } from '../../blobs/store';
import {
  addFileVersion,
  assertNameMatchesBytes,
  assertTypeAccepted,
  FileRejectedError,
  hashFile,
  readHead,
  storeFileFromDisk,
} from '../../ingest/file-version';
import { safeFilename } from '../../ingest/filename';
import { type SniffedType, sniffType } from '../../ingest/sniff';
import type { Registry } from '../../registry';
import { DEFAULT_IMPORT_TYPE, type LedgerRow, parseLedger } from './ledger';
import { errorText, joinMessages, LocalizedError, type LocalizedText, msg } from './messages';
import { CLI_PRINCIPAL } from './principal';
import { FileResolver, scanFolder } from './scan';

/** The importer takes contracts as PDF or DOCX; other files in the folder are passed over. */
const IMPORT_TYPES: readonly SniffedType[] = ['pdf', 'docx'];

export interface ImportOptions {
  folder: string;
  /** Path of the ledger CSV. */
  ledger?: string;
  /** Contract type for rows and files that give none. */
  type?: string;
  /** Department for rows and files that give none. */
  department?: string;
  /** Check everything and report what would happen, writing nothing. */
  dryRun?: boolean;
  /** YYYY-MM-DD; decides which ledger contracts without a status are expired. */
  today?: string;
  onStart?: (total: number) => void;
  onItem?: (item: ImportItem, done: number, total: number) => void;
  /** Called before waiting for the text extraction of the new documents. */
  onExtracting?: (documents: number) => void;
}

export type ImportStatus = 'imported' | 'skipped' | 'failed';

export interface ImportItem {
  /** `台账.csv row 5` or the file's path in the folder. */
  source: string;
  /** The ledger row (as Excel numbers it), for items that come from the ledger. */
  row: number | null;
  title: string;
  status: ImportStatus;
  /** Files of the item, relative to the folder. */
  files: string[];
  contract: { id: string; number: string } | null;
  /** Documents added (in a dry run: that would be added). */
  documents: number;
  reason: LocalizedText | null;
}

export interface ImportReport {
  dryRun: boolean;
  ledger: { name: string; encoding: string; rows: number } | null;
  items: ImportItem[];
  imported: number;
  skipped: number;
  failed: number;
  documents: number;
  /** Files in the folder that are neither PDF nor DOCX. */
  ignoredFiles: number;
  /** Text extraction of the documents added: scans without a text layer need OCR. */
  text: { done: number; needsOcr: number; error: number };
}

/** An item's outcome before it is placed in the report. */
type Outcome = Omit<ImportItem, 'row'>;

interface Inspected {
  path: string;
  sha256: string;
  size: number;
}

const markerKey = (fingerprint: string) => `import:ledger-row:${fingerprint}`;

/** Imports a folder into the registry. Throws LocalizedError only when nothing can be imported at all. */
export async function importFolder(registry: Registry, options: ImportOptions): Promise<ImportReport> {
  const root = options.folder;
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const folderStat = await stat(root).catch(() => null);
  if (!folderStat?.isDirectory()) {
    throw new LocalizedError(msg(`${root} 不是目录`, `${root} is not a folder`));
  }
  if (options.type !== undefined && !ContractType.safeParse(options.type).success) {
    throw new LocalizedError(
      msg(
        `--type “${options.type}” 只能含字母、数字、- 和 _`,
        `--type "${options.type}": letters, digits, - and _ only`,
      ),
    );
  }
  if (options.department !== undefined && !Department.safeParse(options.department).success) {
    throw new LocalizedError(
      msg(
        `--department “${options.department}” 只能含字母、数字、- 和 _`,
        `--department "${options.department}": letters, digits, - and _ only`,
      ),
    );
  }

  const scanned = await scanFolder(root);
  const resolver = new FileResolver(root, scanned.files);
  const ledgerName = options.ledger ? basename(options.ledger) : '';
  const ledger = options.ledger
    ? parseLedger(await readLedger(options.ledger), {
        type: options.type,
        department: options.department,
        today,
      })
    : null;

  // The files each row names are resolved up front, so the files no row names are known.
  const rowFiles = new Map<LedgerRow, { paths: string[]; errors: LocalizedText[] }>();
  const named = new Set<string>();
  for (const row of ledger?.rows ?? []) {
    const paths: string[] = [];
    const errors: LocalizedText[] = [];
    for (const ref of row.files) {
      const r = resolver.resolve(ref);
      if (r.ok) {
        paths.push(r.path);
        named.add(r.path);
      } else {
        errors.push(r.error);
      }
    }
    rowFiles.set(row, { paths: [...new Set(paths)], errors });
  }
  const loose = scanned.files.filter((f) => !named.has(f));

  const owners = await ownerDirectory(registry);
  const ctx: Ctx = { registry, root, dryRun: options.dryRun ?? false, addedVersions: [] };
  const items: ImportItem[] = [];
  const total = (ledger?.rows.length ?? 0) + loose.length;
  options.onStart?.(total);
  const record = (outcome: Outcome, row: number | null) => {
    const item = { ...outcome, row };
    items.push(item);
    options.onItem?.(item, items.length, total);
  };

  for (const row of ledger?.rows ?? []) {
    const source = `${ledgerName} row ${row.row}`;
    const files = rowFiles.get(row) ?? { paths: [], errors: [] };
    record(
      await guarded(source, row.label, files.paths, () =>
        importRow(ctx, row, source, files.paths, [...row.problems, ...files.errors], owners),
      ),
      row.row,
    );
  }
  for (const file of loose) {
    const title = basename(file).replace(/\.[^.]+$/, '');
    const contract: ContractCreate = {
      title,
      type: options.type ?? DEFAULT_IMPORT_TYPE,
      department: options.department ?? null,
    };
    record(
      await guarded(file, title, [file], () => importFiles(ctx, contract, file, title, [file], null)),
      null,
    );
  }

  const text = { done: 0, needsOcr: 0, error: 0 };
  if (ctx.addedVersions.length > 0) {
    options.onExtracting?.(ctx.addedVersions.length);
    await registry.ingest.idle();
    for (const id of ctx.addedVersions) {
      const status = (await registry.versions.get(id))?.text.status;
      if (status === 'done') text.done++;
      else if (status === 'needs_ocr') text.needsOcr++;
      else if (status === 'error') text.error++;
    }
  }
  const count = (s: ImportStatus) => items.filter((i) => i.status === s).length;
  return {
    dryRun: ctx.dryRun,
    ledger: ledger ? { name: ledgerName, encoding: ledger.encoding, rows: ledger.rows.length } : null,
    items,
    imported: count('imported'),
    skipped: count('skipped'),
    failed: count('failed'),
    documents: items.reduce((n, i) => n + (i.status === 'imported' ? i.documents : 0), 0),
    // The ledger itself may sit in the folder: it is no passed-over document.
    ignoredFiles: scanned.ignored - (options.ledger && isInside(root, options.ledger) ? 1 : 0),
    text,
  };
}

const isInside = (root: string, path: string) => {
  const rel = relative(resolve(root), resolve(path));
  return rel !== '' && !rel.startsWith('..') && !rel.startsWith('/');
};

interface Ctx {
  registry: Registry;
  root: string;
  dryRun: boolean;
  addedVersions: string[];
}

async function readLedger(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (err) {
    throw new LocalizedError(
      msg(`无法读取台账 ${path}：${errorText(err)}`, `Cannot read the ledger ${path}: ${errorText(err)}`),
    );
  }
}

/** Runs one item; an unexpected error fails that item only. */
async function guarded(
  source: string,
  title: string,
  files: string[],
  run: () => Promise<Outcome>,
): Promise<Outcome> {
  try {
    return await run();
  } catch (err) {
    return failed(source, title, files, reasonOf(err));
  }
}

const failed = (source: string, title: string, files: string[], reason: LocalizedText): Outcome => ({
  source,
  title,
  status: 'failed',
  files,
  contract: null,
  documents: 0,
  reason,
});

function reasonOf(err: unknown): LocalizedText {
  if (err instanceof FileRejectedError || err instanceof LocalizedError) return err.localized;
  if (err instanceof BlobTooLargeError) {
    const mb = Math.round(err.limit / 1024 / 1024);
    return msg(
      `文件超过上传上限 ${mb} MB（MAX_UPLOAD_MB）`,
      `the file is larger than the upload limit of ${mb} MB (MAX_UPLOAD_MB)`,
    );
  }
  if (err instanceof BlobHashMismatchError) {
    return msg('导入过程中文件被修改', 'the file changed while it was being imported');
  }
  return msg(errorText(err), errorText(err));
}

/** Users by email and by name (names only when unique), for the owner column. */
async function ownerDirectory(registry: Registry): Promise<(ref: string) => string | LocalizedText> {
  const users = await registry.users.list();
  const byEmail = new Map(users.map((u) => [u.email.toLowerCase(), u.id]));
  const byName = new Map<string, string | null>();
  for (const u of users) byName.set(u.name, byName.has(u.name) ? null : u.id);
  return (ref) => {
    const id = byEmail.get(ref.toLowerCase()) ?? byName.get(ref);
    if (id) return id;
    return msg(
      `负责人 ${ref} 不是登记册的用户：先用 \`pactfile user add\` 添加`,
      `the owner ${ref} is not a user of the registry: add them first with \`pactfile user add\``,
    );
  };
}

async function importRow(
  ctx: Ctx,
  row: LedgerRow,
  source: string,
  paths: string[],
  problems: LocalizedText[],
  owners: (ref: string) => string | LocalizedText,
): Promise<Outcome> {
  const ownerId = row.owner ? owners(row.owner) : null;
  if (typeof ownerId === 'object' && ownerId !== null) problems.push(ownerId);
  if (problems.length > 0 || !row.contract) return failed(source, row.label, paths, joinMessages(problems));
  const contract: ContractCreate = {
    ...row.contract,
    ...(typeof ownerId === 'string' ? { owner: ownerId } : {}),
  };
  if (paths.length > 0) return importFiles(ctx, contract, source, row.label, paths, null);

  // A row without files is recognised by its fingerprint.
  const marker = await ctx.registry.db.db
    .selectFrom('meta')
    .select('value')
    .where('key', '=', markerKey(row.fingerprint))
    .executeTakeFirst();
  const existing = marker ? await ctx.registry.contracts.getUnchecked(marker.value) : null;
  if (existing) return skipped(source, row.label, [], existing);
  return importFiles(ctx, contract, source, row.label, [], row.fingerprint);
}

const skipped = (
  source: string,
  title: string,
  files: string[],
  c: { id: string; number: string; title: string },
): Outcome => ({
  source,
  title,
  status: 'skipped',
  files,
  contract: { id: c.id, number: c.number },
  documents: 0,
  reason: msg(
    `已在登记册中：${c.number}《${c.title}》`,
    `already in the registry as ${c.number} (${c.title})`,
  ),
});

/** Checks a file without storing it: present, not empty, within the limit, a PDF/DOCX named as what it is. */
async function inspect(ctx: Ctx, path: string): Promise<Inspected> {
  const full = join(ctx.root, path);
  const st = await stat(full).catch(() => null);
  if (!st?.isFile()) throw new LocalizedError(msg(`找不到文件 ${path}`, `the file ${path} is missing`));
  if (st.size === 0) throw new LocalizedError(msg(`${path} 是空文件`, `${path} is empty`));
  if (st.size > ctx.registry.config.maxUploadBytes)
    throw new BlobTooLargeError(ctx.registry.config.maxUploadBytes);
  const type = sniffType(await readHead(full));
  assertTypeAccepted(type, IMPORT_TYPES, path);
  assertNameMatchesBytes(safeFilename(path), type);
  return { path, ...(await hashFile(full)) };
}

/**
 * Files the given files under one contract: the contract that already holds some of them, else a
 * new one. Everything is checked before anything is written, so a failed item leaves nothing behind.
 */
async function importFiles(
  ctx: Ctx,
  contract: ContractCreate,
  source: string,
  title: string,
  paths: string[],
  fingerprint: string | null,
): Promise<Outcome> {
  const { registry } = ctx;
  const inspected: Inspected[] = [];
  const errors: LocalizedText[] = [];
  for (const p of paths) {
    try {
      inspected.push(await inspect(ctx, p));
    } catch (err) {
      errors.push(reasonOf(err));
    }
  }
  if (errors.length > 0) return failed(source, title, paths, joinMessages(errors));

  let target: { id: string; number: string; title: string } | null = null;
  const fresh: Inspected[] = [];
  for (const file of inspected) {
    const [filing] = await registry.versions.filings(file.sha256, CLI_PRINCIPAL);
    if (filing) target ??= { id: filing.contractId, number: filing.number, title: filing.title };
    else if (!fresh.some((f) => f.sha256 === file.sha256)) fresh.push(file);
  }
  if (target && fresh.length === 0) return skipped(source, title, paths, target);
  if (ctx.dryRun) {
    return {
      source,
      title,
      status: 'imported',
      files: paths,
      contract: target ? { id: target.id, number: target.number } : null,
      documents: fresh.length,
      reason: null,
    };
  }

  for (const file of fresh) {
    await storeFileFromDisk(registry, join(ctx.root, file.path), file.path, {
      maxBytes: registry.config.maxUploadBytes,
      accept: IMPORT_TYPES,
      known: file,
    });
  }
  let contractRef: { id: string; number: string };
  if (target) {
    contractRef = target;
  } else {
    const created = await registry.contracts.create(contract, null);
    contractRef = { id: created.id, number: created.number };
    if (fingerprint) {
      await registry.db.db
        .insertInto('meta')
        .values({ key: markerKey(fingerprint), value: created.id })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
    }
    await registry.reindex(created.id);
  }
  let documents = 0;
  for (const file of fresh) {
    const added = await addFileVersion(
      registry,
      {
        contractId: contractRef.id,
        sha256: file.sha256,
        filename: file.path,
        source: 'import',
        sourceRef: file.path,
        createdBy: null,
      },
      CLI_PRINCIPAL,
    );
    if (!added.duplicate) {
      documents++;
      ctx.addedVersions.push(added.version.id);
    }
  }
  return { source, title, status: 'imported', files: paths, contract: contractRef, documents, reason: null };
}
