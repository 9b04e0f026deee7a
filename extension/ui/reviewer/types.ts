/** The registry's answers that the reviewer pages read, as the API sends them. */
import type { Redline } from '@shared/diff/types';
import type { Money } from '@shared/schemas/common';
import type { Contract, ContractStatus } from '@shared/schemas/contract';

export type ApprovalDecision = 'approve' | 'reject';

/** Who may decide a step: a named user, or a role (in one department, or any). */
export type ResolvedApprover = { userId: string } | { role: string; department?: string | null };

export interface ApprovalStep {
  id: string;
  contractId: string;
  round: number;
  position: number;
  ruleId: string;
  name: string;
  mode: 'all' | 'any';
  approvers: ResolvedApprover[];
  status: 'pending' | 'approved' | 'rejected';
  resetOnNewVersion: boolean;
  createdAt: string;
  decidedAt: string | null;
  decisions: {
    id: string;
    userId: string;
    approverIndex: number;
    decision: ApprovalDecision;
    comment: string | null;
    /** Reset by a later document version. */
    superseded: boolean;
    decidedAt: string;
  }[];
}

export interface ContractApprovals {
  contractId: string;
  status: ContractStatus;
  allowedTransitions: ContractStatus[];
  currentStepId: string | null;
  steps: ApprovalStep[];
}

export interface InboxItem {
  contract: Contract;
  step: ApprovalStep;
}

/** One library clause found in a version, with its redline against the library's text. */
export interface ClauseDeviation {
  clauseId: string;
  clauseVersion: number;
  title: string;
  category: string;
  language: string;
  range: { start: number; end: number };
  redline: Redline;
}

export interface VersionDeviations {
  versionId: string;
  clauses: ClauseDeviation[];
}

export interface Payment {
  id: string;
  contractId: string;
  milestoneId: string | null;
  amount: Money;
  receivedDate: string;
  note: string | null;
  createdBy: string | null;
  createdAt: string;
}

export interface PaymentCollection {
  payments: Payment[];
  milestones: {
    id: string;
    label: string;
    dueDate: string | null;
    amount: Money | null;
    paid: number;
    outstanding: number;
    overdue: boolean;
  }[];
  totals: {
    currency: string;
    contracted: number;
    received: number;
    overdue: number;
    /** received / contracted in basis points (10000 = 100 %). */
    collectionRateBp: number | null;
  }[];
}

export interface Obligation {
  id: string;
  contractId: string;
  title: string;
  dueDate: string;
  remindDaysBefore: number;
  owner: string | null;
  createdBy: string | null;
  createdAt: string;
}

export interface ContractReminder {
  id: string;
  kind: 'expiry' | 'renewal_notice' | 'payment' | 'obligation' | string;
  contractId: string;
  contractNumber: string;
  contractTitle: string;
  label: string | null;
  dueDate: string;
  remindDate: string;
  state: 'upcoming' | 'due' | 'overdue' | 'done';
  refId: string | null;
  owner: string | null;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actorId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  contractId: string | null;
  before: unknown;
  after: unknown;
  prevHash: string;
  hash: string;
}

export type ReportGroup = 'department' | 'owner' | 'type';

export interface SummaryRow {
  group: string | null;
  contracts: number;
  currencies: {
    currency: string;
    signed: number;
    received: number;
    collectionRateBp: number | null;
    overdue: number;
  }[];
  expiring30: number;
  expiring60: number;
  expiring90: number;
  averageApprovalDays: number | null;
}

export interface SummaryReport {
  groupBy: string;
  today: string;
  rows: SummaryRow[];
}

export interface ExpiringReport {
  from: string;
  months: { month: string; count: number; byType: Record<string, number> }[];
}

/** What a contract may carry once retention lands on the registry (absent on older registries). */
export interface RetentionFields {
  legalHold?: { reason: string; by: string; at: string } | null;
  retentionUntil?: string | null;
}

/** A person as `GET /api/people` names them to anyone signed in. */
export interface Person {
  id: string;
  name: string;
  email: string;
  department: string | null;
}

/** A contract whose retention has run out (`GET /api/retention/due`). */
export interface RetentionDueItem {
  contract: {
    id: string;
    number: string;
    title: string;
    type: string;
    department: string | null;
    status: string;
    expiryDate: string | null;
  };
  retentionUntil: string;
  legalHold: { reason: string; by: string; at: string } | null;
}

/** What is decided at the end of retention (`POST /api/contracts/{id}/destruction`). */
export type DestructionDecision =
  | { decision: 'destroy'; comment?: string }
  | { decision: 'keep'; years: number; comment?: string };

export interface DestructionOutcome {
  decision: 'destroy' | 'keep';
  contract: Contract & RetentionFields;
  destroyedVersions?: string[];
  removedFiles?: number;
  sharedFilesKept?: number;
  archived?: boolean;
}
