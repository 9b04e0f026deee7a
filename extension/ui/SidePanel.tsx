import { useMemo, useState } from 'react';
import type { AdapterResult, Candidate } from '../adapters/types';
import type { CaptureJob, DocumentCheck, FilingTarget, LocalizedMessage } from '../queue/types';
import type { ContractChoice, DueReminder } from '../registry/client';
import { ContractPicker } from './ContractPicker';
import { ContractTypeOptions } from './ContractTypeOptions';
import { InboxSummary } from './InboxSummary';
import type { Language, MessageKey } from './i18n';
import { localized, translate } from './i18n';
import { jobStatus } from './job-status';
import { prefillFiling } from './prefill';
import { RemindersList } from './RemindersList';
import type { InboxItem } from './reviewer/types';
import { SuggestedFields, type SuggestedFieldsProps } from './SuggestedFields';

export interface SidePanelProps {
  lang: Language;
  signedIn: boolean;
  page: AdapterResult | null;
  jobs: CaptureJob[];
  /** The registry's answer for documents not filed from here yet ("already filed as …"). */
  checks: DocumentCheck[];
  defaultType: string;
  onFile(candidate: Candidate, target: FilingTarget): void;
  /** Contracts matching a number or title, for filing a document as a new version of one. */
  searchContracts(text: string): Promise<ContractChoice[]>;
  onRetry(job: CaptureJob): void;
  onRescan(): void;
  onOpenOptions(): void;
  /** Opens the registry's search page, optionally on a query (a contract number). */
  onOpenRegistry(query?: string): void;
  /** Reading the fields of a filed document and saving the ones the user confirms. */
  suggestions?: Pick<SuggestedFieldsProps, 'loadAnalysis' | 'saveContract' | 'sleep' | 'onSettled'> & {
    /** Versions whose suggestions were saved or dismissed before. */
    settled?: readonly string[];
  };
  /** Reminders due, as the background last read them. */
  reminders?: DueReminder[];
  /** Opens a contract's page of the registry. */
  onOpenContract?(contractId: string): void;
  /** Marks a due reminder done; answers why it could not, or null. */
  onReminderDone?(reminder: DueReminder): Promise<LocalizedMessage | null>;
  /** Approval steps waiting for the signed-in user (null while unknown). */
  inbox?: InboxItem[] | null;
  /** Opens the registry's inbox. */
  onOpenInbox?(): void;
}

/** The fields suggested for a document this job filed just now (not for one filed before). */
function Suggestions(props: { job: CaptureJob; lang: Language; suggestions: SidePanelProps['suggestions'] }) {
  const { job, suggestions } = props;
  const result = job.result;
  if (!suggestions || job.state !== 'filed' || !result?.versionId || result.alreadyFiled) return null;
  if (suggestions.settled?.includes(result.versionId)) return null;
  return (
    <SuggestedFields
      key={result.versionId}
      lang={props.lang}
      contractId={result.contractId}
      versionId={result.versionId}
      number={result.number}
      loadAnalysis={suggestions.loadAnalysis}
      saveContract={suggestions.saveContract}
      sleep={suggestions.sleep}
      onSettled={suggestions.onSettled}
    />
  );
}

function describeSource(c: Candidate): string {
  const who = c.sender
    ? [c.sender.name, c.sender.email && `<${c.sender.email}>`].filter(Boolean).join(' ')
    : '';
  return [c.site, who, c.date].filter(Boolean).join(' · ');
}

function StatusLine({ job, lang }: { job: CaptureJob; lang: Language }) {
  const { text, tone } = jobStatus(job, lang);
  return (
    <div className={`status ${tone}`} role="status" data-state={job.state}>
      {text}
    </div>
  );
}

function CandidateCard(props: {
  candidate: Candidate;
  job: CaptureJob | undefined;
  check: DocumentCheck | undefined;
  lang: Language;
  signedIn: boolean;
  defaultType: string;
  onFile: SidePanelProps['onFile'];
  onRetry: SidePanelProps['onRetry'];
  searchContracts: SidePanelProps['searchContracts'];
  suggestions: SidePanelProps['suggestions'];
}) {
  const { candidate: c, job, lang } = props;
  const t = (k: MessageKey, p?: Record<string, string>) => translate(lang, k, p);
  const prefilled = useMemo(() => prefillFiling(c, props.defaultType), [c, props.defaultType]);
  const [title, setTitle] = useState(prefilled.title);
  const [type, setType] = useState(prefilled.type);
  const [mode, setMode] = useState<'new' | 'existing'>('new');
  const [chosen, setChosen] = useState<ContractChoice | null>(null);
  const target: FilingTarget | null =
    mode === 'existing'
      ? chosen && { kind: 'existing', contractId: chosen.id }
      : title.trim() && type.trim()
        ? { kind: 'new', title: title.trim(), type: type.trim() }
        : null;
  const knownNumbers = job ? [] : [...new Set(props.check?.filings.map((f) => f.number) ?? [])];
  const busy = (job !== undefined && job.state !== 'failed') || knownNumbers.length > 0;
  return (
    <li className="card" data-candidate={c.key}>
      <div className="name">{c.fileName}</div>
      <div className="meta">
        {[c.sizeText, describeSource(c)].filter(Boolean).join(' · ')}
        {c.subject ? <div>{c.subject}</div> : null}
      </div>
      {busy ? null : (
        <>
          <div className="row">
            <select
              aria-label={t('targetNew')}
              value={mode}
              onChange={(e) => setMode(e.target.value === 'existing' ? 'existing' : 'new')}
            >
              <option value="new">{t('targetNew')}</option>
              <option value="existing">{t('targetExisting')}</option>
            </select>
          </div>
          {mode === 'new' ? (
            <div className="row">
              <input
                className="title"
                aria-label={t('titleLabel')}
                value={title}
                onChange={(e) => setTitle(e.target.value)}
              />
              <input
                aria-label={t('typeLabel')}
                size={8}
                list="contract-types"
                value={type}
                onChange={(e) => setType(e.target.value)}
              />
            </div>
          ) : (
            <ContractPicker lang={lang} search={props.searchContracts} chosen={chosen} onChoose={setChosen} />
          )}
          <div className="row">
            <button
              type="button"
              className="file"
              disabled={!props.signedIn || !c.fetch || !target}
              onClick={() => target && props.onFile(c, target)}
            >
              {job?.state === 'failed' ? t('fileAgain') : t('file')}
              {mode === 'existing' && chosen ? ` → ${chosen.number}` : ''}
            </button>
          </div>
        </>
      )}
      {!c.fetch ? <div className="status warning">{t('noLink')}</div> : null}
      {job ? <StatusLine job={job} lang={lang} /> : null}
      {job ? <Suggestions job={job} lang={lang} suggestions={props.suggestions} /> : null}
      {knownNumbers.length > 0 ? (
        <div className="status warning" role="status" data-state="known">
          {t('alreadyFiledAs', { number: knownNumbers.join(', ') })}
        </div>
      ) : null}
      {job?.state === 'retrying' ? (
        <button type="button" className="secondary" onClick={() => props.onRetry(job)}>
          {t('fileAgain')}
        </button>
      ) : null}
    </li>
  );
}

/** The side panel: documents found on the page, each with its File button and where its filing stands. */
export function SidePanel(props: SidePanelProps) {
  const { lang, page, jobs } = props;
  const t = (k: MessageKey) => translate(lang, k);
  const jobByKey = useMemo(() => new Map(jobs.map((j) => [j.captureKey, j])), [jobs]);
  const checkByKey = useMemo(() => new Map(props.checks.map((c) => [c.key, c])), [props.checks]);
  const onPage = new Set(page?.candidates.map((c) => c.key) ?? []);
  const others = jobs.filter((j) => !onPage.has(j.captureKey)).slice(0, 10);
  return (
    <main>
      <ContractTypeOptions id="contract-types" lang={lang} />
      <h1>
        {t('appName')}{' '}
        <button type="button" className="secondary" onClick={() => props.onOpenRegistry()}>
          {t('searchTitle')}
        </button>
      </h1>
      {props.inbox && props.inbox.length > 0 ? (
        <InboxSummary
          lang={lang}
          items={props.inbox}
          onOpen={(id) => props.onOpenContract?.(id)}
          onOpenInbox={() => props.onOpenInbox?.()}
        />
      ) : null}
      {props.reminders && props.reminders.length > 0 ? (
        <RemindersList
          lang={lang}
          reminders={props.reminders}
          onOpen={props.onOpenContract}
          onDone={props.onReminderDone}
        />
      ) : null}
      {props.signedIn ? null : (
        <div className="banner">
          {t('signedOutBanner')}{' '}
          <button type="button" className="secondary" onClick={props.onOpenOptions}>
            {t('openOptions')}
          </button>
        </div>
      )}
      <h2>
        {t('foundTitle')}{' '}
        <button type="button" className="secondary" onClick={props.onRescan}>
          {t('rescan')}
        </button>
      </h2>
      {page?.warnings.map((w) => (
        <div className="warning" key={w.code + w.en} role="alert">
          {localized(lang, w)}
        </div>
      ))}
      {!page ? <p className="meta">{t('unsupportedPage')}</p> : null}
      {page && page.candidates.length === 0 && page.warnings.length === 0 ? (
        <p className="meta">{t('noDocuments')}</p>
      ) : null}
      <ul>
        {page?.candidates.map((c) => (
          <CandidateCard
            key={c.key}
            candidate={c}
            job={jobByKey.get(c.key)}
            check={checkByKey.get(c.key)}
            lang={lang}
            signedIn={props.signedIn}
            defaultType={props.defaultType}
            onFile={props.onFile}
            onRetry={props.onRetry}
            searchContracts={props.searchContracts}
            suggestions={props.suggestions}
          />
        ))}
      </ul>
      {others.length > 0 ? (
        <>
          <h2>{t('recentJobs')}</h2>
          <ul>
            {others.map((j) => (
              <li className="card" key={j.id} data-job={j.id}>
                <div className="name">{j.document.fileName}</div>
                <StatusLine job={j} lang={lang} />
                <Suggestions job={j} lang={lang} suggestions={props.suggestions} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </main>
  );
}
