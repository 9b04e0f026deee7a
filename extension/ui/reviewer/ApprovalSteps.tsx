import { Fragment, type ReactNode, useId, useState } from 'react';
import { type Language, type MessageKey, translate } from '../i18n';
import { canDecide, type Me } from './approvers';
import { ErrorNote } from './ErrorNote';
import { formatDateTime } from './format';
import { PersonName, translateWith } from './people';
import type { ApprovalDecision, ApprovalStep, ContractApprovals, ResolvedApprover } from './types';

export interface ApprovalStepsProps {
  lang: Language;
  me: Me | null;
  approvals: ContractApprovals;
  decide(stepId: string, decision: ApprovalDecision, comment: string): Promise<void>;
}

function approverText(lang: Language, a: ResolvedApprover, me: Me | null): ReactNode {
  if ('userId' in a) return <PersonName lang={lang} id={a.userId} me={me} />;
  const role = translate(lang, `role.${a.role}` as MessageKey);
  return a.department ? `${role} · ${a.department}` : role;
}

function DecisionForm({
  lang,
  step,
  decide,
}: {
  lang: Language;
  step: ApprovalStep;
  decide: ApprovalStepsProps['decide'];
}) {
  const t = (k: MessageKey) => translate(lang, k);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const id = useId();
  const act = async (decision: ApprovalDecision) => {
    setBusy(true);
    setError(null);
    try {
      await decide(step.id, decision, comment.trim());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="decision">
      <label htmlFor={id}>{t('decisionComment')}</label>
      <textarea id={id} value={comment} onChange={(e) => setComment(e.target.value)} rows={2} />
      <div className="row">
        <button type="button" className="approve" disabled={busy} onClick={() => void act('approve')}>
          {t('approve')}
        </button>
        <button type="button" className="secondary reject" disabled={busy} onClick={() => void act('reject')}>
          {t('reject')}
        </button>
      </div>
      {error ? <ErrorNote lang={lang} error={error} /> : null}
    </div>
  );
}

/** The steps of the latest review round, their decisions, and the buttons for the one waiting on me. */
export function ApprovalSteps({ lang, me, approvals, decide }: ApprovalStepsProps) {
  const t = (k: MessageKey, p?: Record<string, string>) => translate(lang, k, p);
  if (approvals.steps.length === 0) return <p className="meta">{t('noApprovalSteps')}</p>;
  return (
    <ol className="steps">
      {[...approvals.steps]
        .sort((a, b) => a.position - b.position)
        .map((step) => {
          const current = step.id === approvals.currentStepId;
          return (
            <li
              key={step.id}
              className={`card step ${step.status}${current ? ' current' : ''}`}
              data-step={step.id}
              data-step-status={step.status}
              aria-current={current ? 'step' : undefined}
            >
              <div className="name">
                {step.name} · <span className={`badge ${step.status}`}>{t(`stepStatus.${step.status}`)}</span>
              </div>
              <div className="meta">
                {t(step.mode === 'all' ? 'modeAll' : 'modeAny')}:{' '}
                {step.approvers.map((a, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the approvers of a step keep their order
                  <Fragment key={i}>
                    {i > 0 ? ', ' : null}
                    {approverText(lang, a, me)}
                  </Fragment>
                ))}
              </div>
              {step.decisions.length > 0 ? (
                <ul className="decisions">
                  {step.decisions.map((d) => (
                    <li key={d.id} className={d.superseded ? 'superseded' : ''}>
                      {translateWith(
                        lang,
                        d.decision === 'approve' ? 'decidedApprove' : 'decidedReject',
                        { at: formatDateTime(d.decidedAt, lang) },
                        { who: <PersonName lang={lang} id={d.userId} me={me} /> },
                      )}
                      {d.comment ? <q>{d.comment}</q> : null}
                      {d.superseded ? <span className="meta"> ({t('superseded')})</span> : null}
                    </li>
                  ))}
                </ul>
              ) : null}
              {canDecide(step, approvals.currentStepId, me) ? (
                <DecisionForm lang={lang} step={step} decide={decide} />
              ) : null}
            </li>
          );
        })}
    </ol>
  );
}
