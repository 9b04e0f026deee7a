import { contractTypeName } from '@shared/contract-type-names';
import type { Contract, ContractStatus } from '@shared/schemas/contract';
import { type ReactNode, useCallback, useState } from 'react';
import type { RegistryClient, VersionInfo } from '../registry/client';
import { type Language, type MessageKey, translate } from './i18n';
import { ApprovalSteps } from './reviewer/ApprovalSteps';
import { AuditTrail } from './reviewer/AuditTrail';
import type { Me } from './reviewer/approvers';
import { Deviations } from './reviewer/Deviations';
import { ErrorNote } from './reviewer/ErrorNote';
import { Findings } from './reviewer/Findings';
import { formatDate, formatDateTime, formatMoney } from './reviewer/format';
import { LegalHoldActions } from './reviewer/LegalHoldActions';
import { useLoad } from './reviewer/load';
import { Payments } from './reviewer/Payments';
import { PeopleProvider, PersonName, translateWith } from './reviewer/people';
import { Reminders } from './reviewer/Reminders';
import { StatusActions } from './reviewer/StatusActions';
import type { ContractApprovals, RetentionFields } from './reviewer/types';
import { VersionCompare } from './reviewer/VersionCompare';

/** The registry calls the contract page makes. */
export type ContractPageApi = Pick<
  RegistryClient,
  | 'getContract'
  | 'versions'
  | 'analysis'
  | 'transition'
  | 'approvals'
  | 'decide'
  | 'versionText'
  | 'deviations'
  | 'payments'
  | 'obligations'
  | 'contractReminders'
  | 'audit'
  | 'people'
  | 'placeLegalHold'
  | 'liftLegalHold'
>;

export interface ContractPageProps {
  lang: Language;
  contractId: string;
  api: ContractPageApi;
  /** The signed-in user, to offer the approvals that wait on them. */
  me: Me | null;
  /** Fetches a version with the token and hands it to the browser as a download. */
  download(version: VersionInfo): Promise<void>;
  onBack(): void;
  /** Told after a status move or an approval decision (the inbox count may change). */
  onChanged?(): void;
}

const SECTIONS = [
  'status',
  'approvals',
  'versions',
  'deviations',
  'findings',
  'reminders',
  'payments',
  'audit',
] as const;
type Section = (typeof SECTIONS)[number];

const EDITING_ROLES = new Set(['admin', 'legal', 'staff']);
/** Who may place and lift legal holds (the registry checks again). */
export const RETENTION_ROLES = new Set(['admin', 'legal']);

/** The moves worth offering: `approved` only once no step waits (the last approval makes it anyway). */
function movesNow(approvals: ContractApprovals): ContractStatus[] {
  const waiting = approvals.steps.some((s) => s.status !== 'approved');
  return approvals.allowedTransitions.filter((to) => to !== 'approved' || !waiting);
}

function Field({ label, value }: { label: string; value: ReactNode }) {
  if (value === null || value === undefined || value === '') return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}

function Part({ id, title, children }: { id: Section; title: string; children: ReactNode }) {
  return (
    <section id={`sec-${id}`} aria-labelledby={`sec-${id}-title`} data-section={id}>
      <h2 id={`sec-${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}

function Metadata({ lang, c, me }: { lang: Language; c: Contract & RetentionFields; me: Me | null }) {
  const t = (k: MessageKey, p?: Record<string, string>) => translate(lang, k, p);
  const day = (d: string | null | undefined) => (d ? formatDate(d, lang) : null);
  return (
    <>
      {c.legalHold ? (
        <div className="banner hold" role="note" data-legal-hold="">
          {translateWith(
            lang,
            'legalHold',
            { reason: c.legalHold.reason, at: formatDateTime(c.legalHold.at, lang) },
            { by: <PersonName lang={lang} id={c.legalHold.by} me={me} /> },
          )}
        </div>
      ) : null}
      <dl className="fields">
        <Field label={t('typeLabel')} value={contractTypeName(c.type, lang)} />
        <Field label={t('departmentLabel')} value={c.department} />
        <Field
          label={t('partiesLabel')}
          value={c.counterparty.map((p) => `${p.name} (${p.role})`).join('; ') || null}
        />
        <Field label={t('ourEntityLabel')} value={c.ourEntity} />
        <Field
          label={t('amountLabel')}
          value={c.amount ? formatMoney(c.amount.value, c.amount.currency, lang) : null}
        />
        <Field label={t('signedDateLabel')} value={day(c.signedDate)} />
        <Field label={t('effectiveDateLabel')} value={day(c.effectiveDate)} />
        <Field label={t('expiryDateLabel')} value={day(c.expiryDate)} />
        <Field
          label={t('renewalLabel')}
          value={
            c.renewal?.autoRenew
              ? t('autoRenew', { days: String(c.renewal.noticeDays ?? '—') })
              : c.renewal?.noticeDays != null
                ? t('noticeDays', { days: String(c.renewal.noticeDays) })
                : null
          }
        />
        <Field
          label={t('ownerLabel')}
          value={c.owner ? <PersonName lang={lang} id={c.owner} me={me} /> : null}
        />
        <Field label={t('tagsLabel')} value={c.tags.join(', ') || null} />
        <Field label={t('retentionLabel')} value={day(c.retentionUntil)} />
        <Field label={t('updatedLabel')} value={formatDateTime(c.updatedAt, lang)} />
      </dl>
    </>
  );
}

/**
 * One contract for its reviewers: fields, status and its moves, approvals, versions with a redline
 * between any two, deviations from the clause library, findings, reminders, payments and audit trail.
 */
export function ContractPage(props: ContractPageProps) {
  const { lang, contractId, api, me, onChanged } = props;
  const t = (k: MessageKey, p?: Record<string, string>) => translate(lang, k, p);
  const [revision, setRevision] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new revision reads the contract again
  const loadMain = useCallback(
    () => Promise.all([api.getContract(contractId), api.versions(contractId), api.approvals(contractId)]),
    [api, contractId, revision],
  );
  const { result, reload } = useLoad(loadMain);
  // The contract a legal hold answered, shown until the page has read the contract again.
  const [answered, setAnswered] = useState<{ base: unknown; contract: Contract } | null>(null);
  const changed = useCallback(() => {
    setRevision((n) => n + 1);
    onChanged?.();
  }, [onChanged]);

  const back = (
    <button type="button" className="secondary" onClick={props.onBack}>
      {t('backToSearch')}
    </button>
  );
  if (result.state === 'error') {
    return (
      <main>
        {back}
        <ErrorNote lang={lang} error={result.error} onRetry={reload} />
      </main>
    );
  }
  if (result.state === 'loading') {
    return (
      <main>
        {back}
        <p className="meta">{t('loading')}</p>
      </main>
    );
  }
  const [loadedContract, list, approvals] = result.data;
  const contract = answered?.base === result.data ? answered.contract : loadedContract;
  const c = contract as Contract & RetentionFields;
  const sorted = [...list].sort((a, b) => b.seq - a.seq);
  // A destroyed version has no file and no text left to compare.
  const readable = sorted.filter((v) => !v.destroyedAt);
  const holdChanged = (next: Contract) => {
    setAnswered({ base: result.data, contract: next });
    changed();
  };
  const newest = sorted[0];
  const transition = async (to: ContractStatus, comment: string) => {
    await api.transition(c.id, to, comment || undefined);
    changed();
  };
  const decide = async (stepId: string, decision: 'approve' | 'reject', comment: string) => {
    await api.decide(c.id, stepId, decision, comment || undefined);
    changed();
  };
  return (
    <PeopleProvider lookup={api.people}>
      <main data-contract-page={c.id} data-status={c.status}>
        {back}
        <h1>
          {c.number} · {c.title}
        </h1>
        <nav className="toc" aria-label={t('contentsLabel')}>
          {SECTIONS.map((s) => (
            <a key={s} href={`#sec-${s}`}>
              {t(`section.${s}`)}
            </a>
          ))}
        </nav>
        <Metadata lang={lang} c={c} me={me} />
        {me && RETENTION_ROLES.has(me.role) ? (
          <LegalHoldActions
            lang={lang}
            held={!!c.legalHold}
            place={(reason) => api.placeLegalHold(c.id, reason)}
            lift={() => api.liftLegalHold(c.id)}
            onChanged={holdChanged}
          />
        ) : null}
        <Part id="status" title={t('section.status')}>
          <StatusActions
            lang={lang}
            status={c.status}
            allowed={movesNow(approvals)}
            mayEdit={!me || EDITING_ROLES.has(me.role)}
            transition={transition}
          />
        </Part>
        <Part id="approvals" title={t('section.approvals')}>
          <ApprovalSteps lang={lang} me={me} approvals={approvals} decide={decide} />
        </Part>
        <Part id="versions" title={t('section.versions')}>
          {sorted.length === 0 ? <p className="meta">{t('noVersions')}</p> : null}
          <ul>
            {sorted.map((v) => (
              <li className="card" key={v.id} data-version={v.id}>
                <div className="name">
                  v{v.seq} · {v.filename}
                </div>
                <div className="meta">
                  {[
                    `${Math.max(1, Math.round(v.size / 1024))} KB`,
                    v.source,
                    formatDateTime(v.createdAt, lang),
                  ].join(' · ')}
                </div>
                {v.destroyedAt ? (
                  <p className="meta destroyed" data-destroyed="">
                    {t('destroyedVersion', { date: formatDate(v.destroyedAt, lang) })}
                  </p>
                ) : (
                  <button type="button" className="secondary" onClick={() => void props.download(v)}>
                    {t('download')}
                  </button>
                )}
              </li>
            ))}
          </ul>
          <VersionCompare lang={lang} contractId={c.id} versions={readable} versionText={api.versionText} />
        </Part>
        <Part id="deviations" title={t('section.deviations')}>
          {readable.length === 0 && sorted.length > 0 ? (
            <p className="meta">{t('allDestroyed')}</p>
          ) : (
            <Deviations lang={lang} contractId={c.id} versions={readable} deviations={api.deviations} />
          )}
        </Part>
        <Part
          id="findings"
          title={newest ? t('findingsTitle', { seq: String(newest.seq) }) : t('section.findings')}
        >
          {newest?.destroyedAt ? (
            <p className="meta">{t('destroyedVersion', { date: formatDate(newest.destroyedAt, lang) })}</p>
          ) : newest ? (
            <Findings
              key={newest.id}
              lang={lang}
              contractId={c.id}
              version={newest}
              analysis={api.analysis}
            />
          ) : (
            <p className="meta">{t('noVersions')}</p>
          )}
        </Part>
        <Part id="reminders" title={t('section.reminders')}>
          <Reminders
            lang={lang}
            contractId={c.id}
            revision={revision}
            contractReminders={api.contractReminders}
            obligations={api.obligations}
          />
        </Part>
        <Part id="payments" title={t('section.payments')}>
          <Payments lang={lang} contractId={c.id} revision={revision} payments={api.payments} />
        </Part>
        <Part id="audit" title={t('section.audit')}>
          <AuditTrail lang={lang} contractId={c.id} revision={revision} me={me} audit={api.audit} />
        </Part>
      </main>
    </PeopleProvider>
  );
}
