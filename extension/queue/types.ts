import type { Candidate } from '../adapters/types';
import type { Filing } from '../registry/client';

export type JobState = 'queued' | 'uploading' | 'filed' | 'retrying' | 'failed';

/** What the worker is doing for an uploading job, shown as progress. */
export type JobStep = 'download' | 'check' | 'upload' | 'contract' | 'version';

/** Where a capture goes: a new contract (title and type given), or a new version of a chosen contract. */
export type FilingTarget =
  | { kind: 'new'; title: string; type: string }
  | { kind: 'existing'; contractId: string };

export interface LocalizedMessage {
  code: string;
  zh: string;
  en: string;
}

export interface FilingResult {
  contractId: string;
  number: string;
  versionId: string | null;
  /** True when the registry already held these bytes and nothing new was filed. */
  alreadyFiled: boolean;
}

/** The part of a candidate a job keeps: enough to fetch the file and describe where it came from. */
export type CapturedDocument = Pick<
  Candidate,
  'key' | 'fileName' | 'fetch' | 'sizeText' | 'sizeBytes' | 'sourceRef' | 'subject' | 'site' | 'pageUrl'
>;

export interface CaptureJob {
  id: string;
  /** The candidate's key: a second File click on the same document finds this job instead of adding one. */
  captureKey: string;
  /** Source reference + SHA-256, known once the bytes are fetched: the same bytes from the same source file once. */
  idempotencyKey: string | null;
  document: CapturedDocument;
  target: FilingTarget;
  state: JobState;
  step: JobStep | null;
  sha256: string | null;
  /** Set as soon as the registry created the contract, so a retry adds the version to it instead of making another. */
  contractId: string | null;
  attempts: number;
  nextAttemptAt: number;
  /** While uploading: until when this worker holds the job. A worker stopped mid-way leaves a lease that runs out. */
  leaseUntil: number;
  /** While uploading: the id of the worker instance holding the lease (absent on jobs queued before ids were kept). */
  leaseHolder?: string | null;
  lastError: LocalizedMessage | null;
  result: FilingResult | null;
  createdAt: number;
  updatedAt: number;
}

/** What the registry said about a document found on a page, before anyone filed it. */
export interface DocumentCheck {
  /** The candidate's key. */
  key: string;
  sha256: string;
  filings: Filing[];
  checkedAt: number;
}
