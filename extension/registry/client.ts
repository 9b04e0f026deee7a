import type { Contract, ContractCreate, ContractPatch } from '@shared/schemas/contract';
import type { Extraction } from '@shared/schemas/extraction';
import type { Finding } from '@shared/schemas/finding';
import type {
  ApprovalDecision,
  AuditEntry,
  ContractApprovals,
  ContractReminder,
  DestructionDecision,
  DestructionOutcome,
  ExpiringReport,
  InboxItem,
  Obligation,
  PaymentCollection,
  Person,
  ReportGroup,
  RetentionDueItem,
  SummaryReport,
  VersionDeviations,
} from '../ui/reviewer/types';
import { RegistryError } from './errors';

export type FetchFn = (input: string, init?: RequestInit) => Promise<Response>;

/** Where a document is already filed (answer of `GET /api/blobs/{sha}/filings`). */
export interface Filing {
  contractId: string;
  number: string;
  title: string;
  versionId: string;
  seq: number;
}

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  role: string;
  department: string | null;
}

export interface VersionCreated {
  version: { id: string; contractId: string; seq: number; sha256: string; filename: string };
  duplicate: boolean;
  alreadyFiled: Filing[];
}

export interface NewVersion {
  sha256: string;
  filename: string;
  source: 'extension';
  sourceRef: string | null;
}

/** A contract as a picker shows it. */
export interface ContractChoice {
  id: string;
  number: string;
  title: string;
}

export interface SearchHit {
  contract: Contract;
  score: number;
  /** HTML-escaped text around the match, matches in `<mark>` (read it with `snippetParts`). */
  snippet: string;
}

/** A version of a contract as the registry lists it. */
export interface VersionInfo {
  id: string;
  contractId: string;
  seq: number;
  sha256: string;
  filename: string;
  mediaType: string;
  size: number;
  source: string;
  sourceRef: string | null;
  createdAt: string;
  text: { status: 'pending' | 'done' | 'needs_ocr' | 'error'; pageCount: number | null };
  /** When its file was destroyed at the end of retention (absent on older registries). */
  destroyedAt?: string | null;
}

/** What the registry read from a version: `pending` until its text is extracted and analysed. */
export interface VersionAnalysis {
  status: 'pending' | 'done' | 'no_text';
  language?: 'zh' | 'en';
  counts?: { error: number; warning: number; info: number };
  findings?: Finding[];
  metadata?: Extraction;
}

/** A reminder that is due (`GET /api/reminders?due=1`). */
export interface DueReminder {
  id: string;
  kind: string;
  contractId: string;
  number: string;
  title: string;
  dueDate: string;
  remindDate: string;
  state: string;
  /** What is due, as the registry words it (a payment milestone's label…), when it says. */
  label?: string;
}

/** A reminder as the registry sends it: the contract's number and title under either name. */
type WireReminder = Omit<DueReminder, 'number' | 'title'> & {
  number?: string;
  title?: string;
  contractNumber?: string;
  contractTitle?: string;
  label?: string;
};

function fromWire(r: WireReminder): DueReminder {
  const { contractNumber, contractTitle, number, title, ...rest } = r;
  return { ...rest, number: number ?? contractNumber ?? '', title: title ?? contractTitle ?? '' };
}

/** The registry calls the extension makes, and nothing else. */
export interface RegistryClient {
  findContracts(text: string): Promise<ContractChoice[]>;
  search(q: string): Promise<{ total: number; items: SearchHit[] }>;
  me(): Promise<SignedInUser>;
  blobExists(sha256: string): Promise<boolean>;
  uploadBlob(sha256: string, bytes: Uint8Array): Promise<void>;
  filings(sha256: string): Promise<{ stored: boolean; filings: Filing[] }>;
  /** With an idempotency key, a retried create gives back the contract the first attempt made. */
  createContract(input: ContractCreate, idempotencyKey?: string): Promise<Contract>;
  getContract(id: string): Promise<Contract>;
  addVersion(contractId: string, input: NewVersion): Promise<VersionCreated>;
  patchContract(id: string, patch: ContractPatch): Promise<Contract>;
  versions(contractId: string): Promise<VersionInfo[]>;
  analysis(contractId: string, versionId: string): Promise<VersionAnalysis>;
  /** The bytes of a version (a plain link would carry no Authorization header). */
  downloadVersion(contractId: string, versionId: string): Promise<Blob>;
  dueReminders(): Promise<DueReminder[]>;
  /** Marks a reminder done (`POST /api/reminders/{id}/done`). */
  markReminderDone(id: string): Promise<void>;
  /** Moves a contract to another status of its lifecycle. */
  transition(contractId: string, to: Contract['status'], comment?: string): Promise<Contract>;
  approvals(contractId: string): Promise<ContractApprovals>;
  decide(
    contractId: string,
    stepId: string,
    decision: ApprovalDecision,
    comment?: string,
  ): Promise<ContractApprovals>;
  inbox(): Promise<InboxItem[]>;
  versionText(contractId: string, versionId: string): Promise<string>;
  deviations(contractId: string, versionId: string): Promise<VersionDeviations>;
  payments(contractId: string): Promise<PaymentCollection>;
  obligations(contractId: string): Promise<Obligation[]>;
  /** Every reminder of one contract, done ones included. */
  contractReminders(contractId: string): Promise<ContractReminder[]>;
  audit(contractId: string): Promise<AuditEntry[]>;
  reportSummary(groupBy: ReportGroup): Promise<SummaryReport>;
  reportExpiring(months: number): Promise<ExpiringReport>;
  /** Names of the people with these ids (asked 200 at a time); an id the registry does not know is left out. */
  people(ids: string[]): Promise<Person[]>;
  placeLegalHold(contractId: string, reason: string): Promise<Contract>;
  liftLegalHold(contractId: string): Promise<Contract>;
  retentionDue(): Promise<RetentionDueItem[]>;
  decideDestruction(contractId: string, decision: DestructionDecision): Promise<DestructionOutcome>;
}

/** The calls that file documents: what the capture queue needs of the registry. */
export type FilingClient = Pick<
  RegistryClient,
  'blobExists' | 'uploadBlob' | 'filings' | 'createContract' | 'getContract' | 'addVersion'
>;

/** The registry's base URL without a trailing slash, or null when it is not an http(s) URL. */
export function normalizeRegistryUrl(raw: string): string | null {
  try {
    const u = new URL(raw.trim());
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    return `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
  } catch {
    return null;
  }
}

async function call(fetchFn: FetchFn, url: string, init: RequestInit): Promise<Response> {
  let res: Response;
  try {
    res = await fetchFn(url, init);
  } catch (err) {
    throw new RegistryError(0, err instanceof Error ? err.message : String(err));
  }
  if (res.ok) return res;
  let detail = res.statusText;
  let detailZh: string | undefined;
  try {
    const problem = (await res.json()) as { detail?: string; title?: string; detailZh?: unknown };
    detail = problem.detail ?? problem.title ?? detail;
    if (typeof problem.detailZh === 'string') detailZh = problem.detailZh;
  } catch {
    // Not a problem document: keep the status text.
  }
  throw new RegistryError(res.status, detail, detailZh);
}

/** Signs in with email and password; answers the new API token. */
export async function signIn(
  fetchFn: FetchFn,
  baseUrl: string,
  email: string,
  password: string,
): Promise<{ token: string; user: SignedInUser }> {
  const res = await call(fetchFn, `${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password, tokenName: 'browser extension' }),
  });
  return (await res.json()) as { token: string; user: SignedInUser };
}

export function createRegistryClient(fetchFn: FetchFn, baseUrl: string, token: string): RegistryClient {
  const auth = { authorization: `Bearer ${token}` };
  const json = { ...auth, 'content-type': 'application/json' };
  const get = async <T>(path: string): Promise<T> =>
    (await (await call(fetchFn, `${baseUrl}${path}`, { headers: auth })).json()) as T;
  const post = async <T>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<T> =>
    (await (
      await call(fetchFn, `${baseUrl}${path}`, {
        method: 'POST',
        headers: { ...json, ...headers },
        body: JSON.stringify(body),
      })
    ).json()) as T;

  const path = (...parts: string[]) => parts.map(encodeURIComponent).join('/');

  return {
    me: () => get<SignedInUser>('/api/me'),
    async findContracts(text) {
      const query = new URLSearchParams({ text, limit: '10', sort: 'updatedAt' });
      const page = await get<{ items: Contract[] }>(`/api/contracts?${query}`);
      return page.items.map((c) => ({ id: c.id, number: c.number, title: c.title }));
    },
    search: (q) =>
      get<{ total: number; items: SearchHit[] }>(`/api/search?${new URLSearchParams({ q, limit: '20' })}`),
    async blobExists(sha256) {
      try {
        await call(fetchFn, `${baseUrl}/api/blobs/${sha256}`, { method: 'HEAD', headers: auth });
        return true;
      } catch (err) {
        if (err instanceof RegistryError && err.status === 404) return false;
        throw err;
      }
    },
    async uploadBlob(sha256, bytes) {
      await call(fetchFn, `${baseUrl}/api/blobs/${sha256}`, {
        method: 'PUT',
        headers: { ...auth, 'content-type': 'application/octet-stream' },
        body: bytes as Uint8Array<ArrayBuffer>,
      });
    },
    filings: (sha256) => get<{ stored: boolean; filings: Filing[] }>(`/api/blobs/${sha256}/filings`),
    createContract: (input, idempotencyKey) =>
      post<Contract>('/api/contracts', input, idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
    getContract: (id) => get<Contract>(`/api/contracts/${encodeURIComponent(id)}`),
    addVersion: (contractId, input) =>
      post<VersionCreated>(`/api/contracts/${encodeURIComponent(contractId)}/versions`, input),
    patchContract: async (id, patch) =>
      (await (
        await call(fetchFn, `${baseUrl}/api/contracts/${encodeURIComponent(id)}`, {
          method: 'PATCH',
          headers: json,
          body: JSON.stringify(patch),
        })
      ).json()) as Contract,
    versions: (contractId) => get<VersionInfo[]>(`/api/contracts/${path(contractId)}/versions`),
    analysis: (contractId, versionId) =>
      get<VersionAnalysis>(`/api/contracts/${path(contractId)}/versions/${path(versionId)}/analysis`),
    downloadVersion: async (contractId, versionId) =>
      (
        await call(fetchFn, `${baseUrl}/api/contracts/${path(contractId)}/versions/${path(versionId)}/file`, {
          headers: auth,
        })
      ).blob(),
    transition: (contractId, to, comment) =>
      post<Contract>(`/api/contracts/${path(contractId)}/transitions`, comment ? { to, comment } : { to }),
    approvals: (contractId) => get<ContractApprovals>(`/api/contracts/${path(contractId)}/approvals`),
    decide: (contractId, stepId, decision, comment) =>
      post<ContractApprovals>(
        `/api/contracts/${path(contractId)}/approvals/${path(stepId)}/${decision}`,
        comment ? { comment } : {},
      ),
    inbox: () => get<InboxItem[]>('/api/me/inbox'),
    versionText: async (contractId, versionId) =>
      (
        await call(fetchFn, `${baseUrl}/api/contracts/${path(contractId)}/versions/${path(versionId)}/text`, {
          headers: auth,
        })
      ).text(),
    deviations: (contractId, versionId) =>
      get<VersionDeviations>(`/api/contracts/${path(contractId)}/versions/${path(versionId)}/deviations`),
    payments: (contractId) => get<PaymentCollection>(`/api/contracts/${path(contractId)}/payments`),
    obligations: async (contractId) =>
      (await get<{ items: Obligation[] }>(`/api/contracts/${path(contractId)}/obligations`)).items,
    contractReminders: async (contractId) =>
      (await get<{ items: ContractReminder[] }>('/api/reminders')).items.filter(
        (r) => r.contractId === contractId,
      ),
    audit: (contractId) => get<AuditEntry[]>(`/api/contracts/${path(contractId)}/audit?limit=1000`),
    reportSummary: (groupBy) => get<SummaryReport>(`/api/reports/summary?groupBy=${groupBy}`),
    reportExpiring: (months) => get<ExpiringReport>(`/api/reports/expiring?months=${months}`),
    async people(ids) {
      const unique = [...new Set(ids)];
      const batches: string[][] = [];
      for (let i = 0; i < unique.length; i += 200) batches.push(unique.slice(i, i + 200));
      const answers = await Promise.all(
        batches.map((b) => get<Person[]>(`/api/people?${new URLSearchParams({ ids: b.join(',') })}`)),
      );
      return answers.flat();
    },
    placeLegalHold: async (contractId, reason) =>
      (await (
        await call(fetchFn, `${baseUrl}/api/contracts/${path(contractId)}/legal-hold`, {
          method: 'PUT',
          headers: json,
          body: JSON.stringify({ reason }),
        })
      ).json()) as Contract,
    liftLegalHold: async (contractId) =>
      (await (
        await call(fetchFn, `${baseUrl}/api/contracts/${path(contractId)}/legal-hold`, {
          method: 'DELETE',
          headers: auth,
        })
      ).json()) as Contract,
    retentionDue: async () => (await get<{ items: RetentionDueItem[] }>('/api/retention/due')).items,
    decideDestruction: (contractId, decision) =>
      post<DestructionOutcome>(`/api/contracts/${path(contractId)}/destruction`, decision),
    async markReminderDone(id) {
      await post<unknown>(`/api/reminders/${encodeURIComponent(id)}/done`, {});
    },
    async dueReminders() {
      const body = await get<WireReminder[] | { items: WireReminder[] }>('/api/reminders?due=1');
      return (Array.isArray(body) ? body : body.items).map(fromWire);
    },
  };
}
