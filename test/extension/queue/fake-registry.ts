import type { Contract } from '@shared/schemas/contract';
import type { Filing, FilingClient } from '../../../extension/registry/client';
import { RegistryError } from '../../../extension/registry/errors';

/** An in-memory registry with the API's rules for blobs, contracts and versions, that can be made to fail. */
export class FakeRegistry implements FilingClient {
  readonly blobs = new Map<string, Uint8Array>();
  readonly contracts: { id: string; number: string; title: string }[] = [];
  readonly versions: {
    id: string;
    contractId: string;
    sha256: string;
    filename: string;
    sourceRef: string | null;
  }[] = [];
  readonly calls: string[] = [];
  /** Errors thrown by the next calls, one per call. */
  readonly failures: RegistryError[] = [];

  private hit(name: string): void {
    this.calls.push(name);
    const failure = this.failures.shift();
    if (failure) throw failure;
  }

  async me() {
    this.hit('me');
    return { id: 'u1', email: 'legal@example.com', name: 'Legal', role: 'legal', department: null };
  }

  async findContracts(text: string) {
    this.hit('find');
    return this.contracts.filter((c) => c.number.includes(text) || c.title.includes(text));
  }

  async blobExists(sha256: string) {
    this.hit('head');
    return this.blobs.has(sha256);
  }

  async uploadBlob(sha256: string, bytes: Uint8Array) {
    this.hit('put');
    this.blobs.set(sha256, bytes);
  }

  async filings(sha256: string) {
    this.hit('filings');
    const filings: Filing[] = this.versions
      .filter((v) => v.sha256 === sha256)
      .map((v, i) => {
        const c = this.contracts.find((x) => x.id === v.contractId);
        return {
          contractId: v.contractId,
          number: c?.number ?? '',
          title: c?.title ?? '',
          versionId: v.id,
          seq: i + 1,
        };
      });
    return { stored: this.blobs.has(sha256), filings };
  }

  /** Contracts by the Idempotency-Key they were created with, as the registry keeps them. */
  readonly createdByKey = new Map<string, { id: string; number: string; title: string }>();
  /** When set, the next create succeeds on the registry but its answer is lost. */
  loseNextCreateAnswer = false;

  async createContract(input: { title: string; type: string }, idempotencyKey?: string) {
    this.hit('create');
    const earlier = idempotencyKey ? this.createdByKey.get(idempotencyKey) : undefined;
    if (earlier) return earlier as unknown as Contract;
    const n = this.contracts.length + 1;
    const c = { id: `c${n}`, number: `HT-2024-${String(n).padStart(3, '0')}`, title: input.title };
    this.contracts.push(c);
    if (idempotencyKey) this.createdByKey.set(idempotencyKey, c);
    if (this.loseNextCreateAnswer) {
      this.loseNextCreateAnswer = false;
      throw new TypeError('Failed to fetch');
    }
    return c as unknown as Contract;
  }

  async getContract(id: string) {
    this.hit('get');
    const c = this.contracts.find((x) => x.id === id);
    if (!c) throw new RegistryError(404, `Contract ${id} not found`);
    return c as unknown as Contract;
  }

  async addVersion(
    contractId: string,
    input: { sha256: string; filename: string; sourceRef: string | null },
  ) {
    this.hit('version');
    if (!this.blobs.has(input.sha256)) throw new RegistryError(409, 'Upload the bytes first');
    const same = this.versions.find((v) => v.contractId === contractId && v.sha256 === input.sha256);
    if (same) return { version: { ...same, seq: 1 }, duplicate: true, alreadyFiled: [] };
    const v = { id: `v${this.versions.length + 1}`, contractId, ...input };
    this.versions.push(v);
    return { version: { ...v, seq: 1 }, duplicate: false, alreadyFiled: [] };
  }
}
