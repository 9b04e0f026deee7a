import { useCallback } from 'react';
import { type Language, type MessageKey, translate } from '../i18n';
import type { Me } from './approvers';
import { SectionError } from './ErrorNote';
import { formatDate, formatDateTime } from './format';
import { useLoad } from './load';
import { PersonName } from './people';
import type { AuditEntry } from './types';

export interface AuditTrailProps {
  lang: Language;
  contractId: string;
  revision: number;
  me: Me | null;
  audit(contractId: string): Promise<AuditEntry[]>;
}

const record = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const text = (v: unknown): string => (typeof v === 'string' ? v : '');

const STATUSES = new Set([
  'draft',
  'in_review',
  'approved',
  'signing',
  'active',
  'expired',
  'terminated',
  'renewed',
  'archived',
]);

/** One entry in words: what changed, without its hashes. */
export function describeEntry(lang: Language, e: AuditEntry): string {
  const t = (k: MessageKey, p?: Record<string, string>) => translate(lang, k, p);
  const before = record(e.before);
  const after = record(e.after);
  const status = (s: unknown) => (STATUSES.has(text(s)) ? t(`status.${text(s)}` as MessageKey) : text(s));
  const comment = text(after.comment);
  const withComment = (s: string) => (comment ? `${s} — “${comment}”` : s);
  if (e.entityType === 'contract' && e.action === 'transition') {
    return withComment(t('audit.transition', { from: status(before.status), to: status(after.status) }));
  }
  if (e.entityType === 'approval' && (e.action === 'approve' || e.action === 'reject')) {
    return withComment(
      t(e.action === 'approve' ? 'audit.approve' : 'audit.reject', { step: text(after.step) }),
    );
  }
  if (e.entityType === 'approval' && e.action === 'routed') {
    const steps = Array.isArray(after.steps) ? after.steps.map((s) => text(record(s).name)) : [];
    return t('audit.routed', { steps: steps.join(', ') || '—' });
  }
  if (e.entityType === 'approval' && e.action === 'reset') return t('audit.reset');
  if (e.entityType === 'contract' && e.action === 'create') return t('audit.created');
  if (e.entityType === 'version' && e.action === 'add') {
    return t('audit.versionAdded', { seq: String(after.seq ?? '?'), filename: text(after.filename) });
  }
  if (e.entityType === 'contract' && e.action === 'legal_hold') {
    return t('audit.legalHold', { reason: text(record(after.legalHold).reason) });
  }
  if (e.entityType === 'contract' && e.action === 'legal_hold_released') return t('audit.legalHoldReleased');
  if (e.entityType === 'contract' && e.action === 'destroy_documents') {
    return withComment(t('audit.destroyDocuments'));
  }
  if (e.entityType === 'version' && e.action === 'destroy') {
    return t('audit.versionDestroyed', { filename: text(before.filename) });
  }
  if (e.entityType === 'contract' && e.action === 'retention_kept') {
    const until = text(after.retentionUntil);
    return withComment(t('audit.retentionKept', { date: until ? formatDate(until, lang) : '—' }));
  }
  const fields = Object.keys(after).length > 0 ? Object.keys(after) : Object.keys(before);
  return t('audit.other', { entity: e.entityType, action: e.action, fields: fields.join(', ') || '—' });
}

/** The contract's audit trail, newest first. */
export function AuditTrail({ lang, contractId, revision, me, audit }: AuditTrailProps) {
  const t = (k: MessageKey) => translate(lang, k);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new revision reads the trail again
  const load = useCallback(() => audit(contractId), [audit, contractId, revision]);
  const { result, reload } = useLoad(load);
  if (result.state === 'loading') return <p className="meta">{t('loading')}</p>;
  if (result.state === 'error') return <SectionError lang={lang} error={result.error} onRetry={reload} />;
  if (result.data.length === 0) return <p className="meta">{t('noAudit')}</p>;
  const entries = [...result.data].sort((a, b) => b.seq - a.seq);
  return (
    <ol className="audit" reversed>
      {entries.map((e) => (
        <li key={e.seq} data-audit={e.action} data-entity={e.entityType}>
          <span className="meta">
            {formatDateTime(e.at, lang)} · <PersonName lang={lang} id={e.actorId} me={me} />
          </span>{' '}
          <span className="what">{describeEntry(lang, e)}</span>
        </li>
      ))}
    </ol>
  );
}
