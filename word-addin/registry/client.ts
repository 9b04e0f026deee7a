/**
 * The calls the task pane makes to the registry's HTTP API. Failures become RegistryError with a kind the
 * panes turn into a message: the registry cannot be reached, the token is not accepted, or the registry's
 * own problem+json detail.
 */
import type { Clause, ClauseLanguage } from '@shared/schemas/clause';
import type { Contract } from '@shared/schemas/contract';
import type { Playbook } from '@shared/schemas/playbook';

export type RegistryErrorKind = 'unreachable' | 'unauthorized' | 'forbidden' | 'not-found' | 'problem';

export class RegistryError extends Error {
  constructor(
    public kind: RegistryErrorKind,
    message: string,
    public status = 0,
  ) {
    super(message);
    this.name = 'RegistryError';
  }
}

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  role: string;
}

export type ContractSummary = Pick<Contract, 'id' | 'number' | 'title' | 'type' | 'status' | 'versionCount'>;

export interface SavedVersion {
  id: string;
  contractId: string;
  seq: number;
  sha256: string;
  filename: string;
}

/** A version as listed by the registry, with the state of its text extraction. */
export interface VersionInfo {
  id: string;
  seq: number;
  filename: string;
  source: string;
  createdAt: string;
  text: { status: 'pending' | 'done' | 'needs_ocr' | 'error'; length: number };
}

/** Another contract that holds the same bytes. */
export interface Filing {
  contractId: string;
  number: string;
  title: string;
}

export interface RegistryClient {
  readonly baseUrl: string;
  login(email: string, password: string): Promise<{ token: string; user: SignedInUser }>;
  me(): Promise<SignedInUser>;
  search(q: string): Promise<ContractSummary[]>;
  createContract(input: { title: string; type: string }): Promise<ContractSummary>;
  getContract(id: string): Promise<ContractSummary>;
  /** The registry's clause library in one language (current versions). */
  clauses(language: ClauseLanguage): Promise<Clause[]>;
  /** A playbook as the registry keeps it (the shipped `zh-CN` / `en` ones or the company's version of them). */
  playbook(id: string): Promise<Playbook>;
  hasBlob(sha256: string): Promise<boolean>;
  putBlob(sha256: string, bytes: Uint8Array): Promise<void>;
  addVersion(
    contractId: string,
    input: { sha256: string; filename: string },
  ): Promise<{ version: SavedVersion; duplicate: boolean; alreadyFiled: Filing[] }>;
  /** The versions of a contract, oldest first. */
  versions(contractId: string): Promise<VersionInfo[]>;
  /** The plain text the registry extracted from a version. */
  versionText(contractId: string, versionId: string): Promise<string>;
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** `https://host:8787/` → `https://host:8787`; a missing scheme means https. */
export function normaliseRegistryUrl(input: string): string {
  const trimmed = input.trim().replace(/\/+$/, '');
  if (!trimmed) return trimmed;
  return /^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
}

async function problemDetail(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { detail?: unknown; title?: unknown };
    if (typeof body.detail === 'string') return body.detail;
    if (typeof body.title === 'string') return body.title;
  } catch {
    // not JSON
  }
  return `HTTP ${res.status}`;
}

function kindOf(status: number): RegistryErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  return 'problem';
}

export function createRegistryClient(baseUrl: string, token?: string, fetchImpl?: Fetch): RegistryClient {
  const root = normaliseRegistryUrl(baseUrl);
  const doFetch: Fetch = fetchImpl ?? ((input, init) => fetch(input, init));

  async function send(method: string, path: string, body?: BodyInit, type?: string): Promise<Response> {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (type) headers['content-type'] = type;
    try {
      return await doFetch(`${root}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
    } catch {
      throw new RegistryError('unreachable', `Cannot reach ${root}`);
    }
  }

  async function call<T>(method: string, path: string, json?: unknown): Promise<T> {
    const res = await send(
      method,
      path,
      json === undefined ? undefined : JSON.stringify(json),
      json === undefined ? undefined : 'application/json',
    );
    if (!res.ok) throw new RegistryError(kindOf(res.status), await problemDetail(res), res.status);
    return (await res.json()) as T;
  }

  const summary = (c: ContractSummary): ContractSummary => ({
    id: c.id,
    number: c.number,
    title: c.title,
    type: c.type,
    status: c.status,
    versionCount: c.versionCount,
  });

  return {
    baseUrl: root,
    login: (email, password) =>
      call<{ token: string; user: SignedInUser }>('POST', '/api/auth/login', {
        email,
        password,
        tokenName: 'Word add-in',
      }),
    me: () => call<SignedInUser>('GET', '/api/me'),
    search: async (q) => {
      const res = await call<{ items: Array<{ contract: ContractSummary }> }>(
        'GET',
        `/api/search?${new URLSearchParams({ q, limit: '10' })}`,
      );
      return res.items.map((i) => summary(i.contract));
    },
    createContract: async (input) => summary(await call<ContractSummary>('POST', '/api/contracts', input)),
    getContract: async (id) =>
      summary(await call<ContractSummary>('GET', `/api/contracts/${encodeURIComponent(id)}`)),
    clauses: async (language) =>
      (await call<{ items: Clause[] }>('GET', `/api/clauses?${new URLSearchParams({ language })}`)).items,
    playbook: async (id) =>
      (await call<{ playbook: Playbook }>('GET', `/api/playbooks/${encodeURIComponent(id)}`)).playbook,
    hasBlob: async (sha256) => {
      const res = await send('HEAD', `/api/blobs/${sha256}`);
      if (res.status === 200) return true;
      if (res.status === 404) return false;
      throw new RegistryError(kindOf(res.status), `HTTP ${res.status}`, res.status);
    },
    putBlob: async (sha256, bytes) => {
      const res = await send('PUT', `/api/blobs/${sha256}`, bytes as BodyInit, 'application/octet-stream');
      if (!res.ok) throw new RegistryError(kindOf(res.status), await problemDetail(res), res.status);
    },
    versions: async (contractId) =>
      (await call<VersionInfo[]>('GET', `/api/contracts/${encodeURIComponent(contractId)}/versions`)).map(
        (v) => ({
          id: v.id,
          seq: v.seq,
          filename: v.filename,
          source: v.source,
          createdAt: v.createdAt,
          text: { status: v.text.status, length: v.text.length },
        }),
      ),
    versionText: async (contractId, versionId) => {
      const path = `/api/contracts/${encodeURIComponent(contractId)}/versions/${encodeURIComponent(versionId)}/text`;
      const res = await send('GET', path);
      if (!res.ok) throw new RegistryError(kindOf(res.status), await problemDetail(res), res.status);
      return res.text();
    },
    addVersion: (contractId, input) =>
      call<{ version: SavedVersion; duplicate: boolean; alreadyFiled: Filing[] }>(
        'POST',
        `/api/contracts/${encodeURIComponent(contractId)}/versions`,
        { ...input, source: 'word' },
      ),
  };
}
