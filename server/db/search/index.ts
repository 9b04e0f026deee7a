import type { ContractFilters } from '@shared/schemas/contract';
import type { Principal } from '../../auth/principal';

/** What is indexed for one contract. */
export interface SearchDocument {
  contractId: string;
  number: string;
  title: string;
  parties: string;
  body: string;
}

export interface SearchHit {
  contractId: string;
  score: number;
  /** HTML-escaped text with matches in <mark>…</mark>. */
  snippet: string;
}

export interface SearchRequest {
  q: string;
  filters: ContractFilters;
  principal: Principal;
  limit: number;
  offset: number;
}

/** Full-text search behind one interface: SQLite FTS5 or PostgreSQL tsvector. */
export interface SearchIndex {
  upsert(doc: SearchDocument): Promise<void>;
  remove(contractId: string): Promise<void>;
  search(req: SearchRequest): Promise<{ hits: SearchHit[]; total: number }>;
}
