/**
 * Loads the demo data set: users of every role, numbering and approval rules, the starter clause
 * library, contracts with their documents and what happened to them since (approvals, payments,
 * obligations, a legal hold). Loaded once: a marker in the `meta` table makes a second run report
 * what is there instead.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Role } from '../../auth/principal';
import { hashPassword } from '../../auth/secrets';
import { NumberingRepo } from '../../db/repos/numbering';
import { addFileVersion, storeBytes } from '../../ingest/file-version';
import type { Registry } from '../../registry';
import { DEMO_NUMBERING, DEMO_USERS, type DemoContract, demoContracts } from './demo-data';
import { type DemoPeople, ensureApprovalRules, ensureClauseLibrary, playStory } from './demo-story';
import { demoDocumentText } from './demo-text';
import { CLI_PRINCIPAL } from './principal';
import { makeDocx, makePdf } from './sample-documents';

export const DEMO_MARKER = 'demo:loaded';
export const DEMO_USERS_FILE = 'demo-users.txt';

export interface DemoUserOut {
  email: string;
  name: string;
  role: Role;
  department: string | null;
  /** Null when the user existed already (their password is not changed). */
  password: string | null;
}

export interface DemoContractOut {
  id: string;
  number: string;
  title: string;
  expiryDate: string | null;
  documents: number;
}

export interface DemoResult {
  /** False when the demo had been loaded before: nothing was changed. */
  loaded: boolean;
  loadedAt: string;
  contracts: DemoContractOut[];
  users: DemoUserOut[];
  rules: { type: string; pattern: string }[];
  /** Where the demo accounts' passwords were written. */
  usersFile: string;
}

interface Marker {
  loadedAt: string;
  contractIds: string[];
  users: string[];
  rules: { type: string; pattern: string }[];
}

export async function loadDemo(registry: Registry, options: { today?: string } = {}): Promise<DemoResult> {
  const usersFile = join(registry.config.dataDir, DEMO_USERS_FILE);
  const previous = await readMarker(registry);
  if (previous) return describeLoaded(registry, previous, usersFile);

  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const loadedAt = new Date().toISOString();
  // Claim the marker first, so two runs at once cannot both load.
  await registry.db.db.insertInto('meta').values({ key: DEMO_MARKER, value: '{}' }).execute();
  try {
    const rules = await ensureNumbering(registry);
    const users = await ensureUsers(registry);
    const people = await demoPeople(registry);
    const admin = [...people.values()].find((p) => p.role === 'admin')?.userId ?? null;
    await ensureClauseLibrary(registry, admin);
    await ensureApprovalRules(registry, people);
    const contracts: DemoContractOut[] = [];
    // The stories play once every document is filed and read, so approvals and holds act on them.
    const filed: { demo: DemoContract; id: string }[] = [];
    for (const d of demoContracts(today)) {
      const owner = people.get(d.ownerEmail)?.userId ?? null;
      const created = await registry.contracts.create({ ...d.contract, owner }, owner);
      let documents = 0;
      for (const doc of d.documents) {
        const paragraphs = demoDocumentText(d, doc, created.number);
        const bytes = doc.format === 'docx' ? makeDocx(paragraphs) : makePdf(paragraphs);
        const stored = await storeBytes(registry, bytes, doc.filename, {
          maxBytes: registry.config.maxUploadBytes,
          accept: ['pdf', 'docx'],
        });
        const added = await addFileVersion(
          registry,
          {
            contractId: created.id,
            sha256: stored.sha256,
            filename: doc.filename,
            source: 'import',
            sourceRef: 'demo',
            createdBy: owner,
          },
          CLI_PRINCIPAL,
        );
        if (!added.duplicate) documents++;
      }
      filed.push({ demo: d, id: created.id });
      contracts.push({
        id: created.id,
        number: created.number,
        title: created.title,
        expiryDate: created.expiryDate,
        documents,
      });
    }
    await registry.ingest.idle();
    for (const { demo, id } of filed) {
      await playStory(registry, demo, id, people);
      await registry.reindex(id);
    }
    await writeUsersFile(usersFile, users);
    const marker: Marker = {
      loadedAt,
      contractIds: contracts.map((c) => c.id),
      users: DEMO_USERS.map((u) => u.email),
      rules,
    };
    await registry.db.db
      .updateTable('meta')
      .set({ value: JSON.stringify(marker) })
      .where('key', '=', DEMO_MARKER)
      .execute();
    return { loaded: true, loadedAt, contracts, users, rules, usersFile };
  } catch (err) {
    await registry.db.db.deleteFrom('meta').where('key', '=', DEMO_MARKER).execute();
    throw err;
  }
}

async function readMarker(registry: Registry): Promise<Marker | null> {
  const row = await registry.db.db
    .selectFrom('meta')
    .select('value')
    .where('key', '=', DEMO_MARKER)
    .executeTakeFirst();
  if (!row) return null;
  try {
    const m = JSON.parse(row.value) as Partial<Marker>;
    return {
      loadedAt: m.loadedAt ?? '',
      contractIds: m.contractIds ?? [],
      users: m.users ?? [],
      rules: m.rules ?? [],
    };
  } catch {
    return { loadedAt: '', contractIds: [], users: [], rules: [] };
  }
}

async function describeLoaded(registry: Registry, m: Marker, usersFile: string): Promise<DemoResult> {
  const contracts: DemoContractOut[] = [];
  for (const id of m.contractIds) {
    const c = await registry.contracts.getUnchecked(id);
    if (c)
      contracts.push({
        id,
        number: c.number,
        title: c.title,
        expiryDate: c.expiryDate,
        documents: c.versionCount,
      });
  }
  const users: DemoUserOut[] = [];
  for (const email of m.users) {
    const u = await registry.users.byEmailWithHash(email);
    if (u)
      users.push({ email: u.email, name: u.name, role: u.role, department: u.department, password: null });
  }
  return { loaded: false, loadedAt: m.loadedAt, contracts, users, rules: m.rules, usersFile };
}

/** The demo users as they stand in the registry (a user who existed keeps their role), by email. */
async function demoPeople(registry: Registry): Promise<DemoPeople> {
  const emails = new Set(DEMO_USERS.map((u) => u.email));
  const people: DemoPeople = new Map();
  for (const u of await registry.users.list()) {
    if (emails.has(u.email) && !u.disabled)
      people.set(u.email, { userId: u.id, role: u.role, department: u.department });
  }
  return people;
}

/** Sets the demo numbering rules for the types that have none (a company's own rules are kept). */
async function ensureNumbering(registry: Registry): Promise<{ type: string; pattern: string }[]> {
  const repo = new NumberingRepo(registry.db);
  const existing = new Set((await repo.list()).map((r) => r.type));
  const set: { type: string; pattern: string }[] = [];
  for (const [type, pattern] of Object.entries(DEMO_NUMBERING)) {
    if (existing.has(type)) continue;
    await repo.put(type, pattern);
    set.push({ type, pattern });
  }
  return set;
}

/** Creates the demo users that do not exist yet, each with a random password. */
async function ensureUsers(registry: Registry): Promise<DemoUserOut[]> {
  const out: DemoUserOut[] = [];
  for (const u of DEMO_USERS) {
    const existing = await registry.users.byEmailWithHash(u.email);
    if (existing) {
      out.push({ ...u, password: null });
      continue;
    }
    const password = randomBytes(9).toString('base64url');
    await registry.users.create({ ...u, passwordHash: await hashPassword(password) });
    out.push({ ...u, password });
  }
  return out;
}

/** The passwords are shown once; this file (readable by its owner only) keeps them for later. */
async function writeUsersFile(path: string, users: DemoUserOut[]): Promise<void> {
  const lines = users
    .filter((u) => u.password)
    .map((u) => `${u.email}\t${u.password}\t${u.role}${u.department ? `\t${u.department}` : ''}`);
  if (lines.length === 0) return;
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(
    path,
    `# Pactfile demo accounts: email, password, role, department\n${lines.join('\n')}\n`,
    {
      mode: 0o600,
    },
  );
}
