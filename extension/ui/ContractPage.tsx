import type { Contract } from '@shared/schemas/contract';
import { useEffect, useState } from 'react';
import type { VersionAnalysis, VersionInfo } from '../registry/client';
import { groupFindings } from './findings';
import { type Language, localized, type MessageKey, translate } from './i18n';
import { formatMinorUnits } from './suggestions';

export interface ContractPageProps {
  lang: Language;
  contractId: string;
  getContract(id: string): Promise<Contract>;
  versions(contractId: string): Promise<VersionInfo[]>;
  analysis(contractId: string, versionId: string): Promise<VersionAnalysis>;
  /** Fetches a version with the token and hands it to the browser as a download. */
  download(version: VersionInfo): Promise<void>;
  onBack(): void;
}

interface Loaded {
  contract: Contract;
  versions: VersionInfo[];
  analysis: VersionAnalysis | null;
}

function Field({ label, value }: { label: string; value: string | null }) {
  if (!value) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}

/** One contract: its fields, its versions to download, and the review findings of its newest version. */
export function ContractPage(props: ContractPageProps) {
  const { lang, contractId, getContract, versions, analysis } = props;
  const t = (k: MessageKey, p?: Record<string, string>) => translate(lang, k, p);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const [contract, list] = await Promise.all([getContract(contractId), versions(contractId)]);
      const newest = list.reduce<VersionInfo | null>((a, v) => (!a || v.seq > a.seq ? v : a), null);
      const read = newest ? await analysis(contractId, newest.id) : null;
      if (!cancelled) setLoaded({ contract, versions: list, analysis: read });
    })().catch((err: unknown) => {
      if (!cancelled) setError(err instanceof Error ? err.message : String(err));
    });
    return () => {
      cancelled = true;
    };
  }, [contractId, getContract, versions, analysis]);

  const back = (
    <button type="button" className="secondary" onClick={props.onBack}>
      {t('backToSearch')}
    </button>
  );
  if (error) {
    return (
      <main>
        {back}
        <p className="status error" role="alert">
          {error}
        </p>
      </main>
    );
  }
  if (!loaded) {
    return (
      <main>
        {back}
        <p className="meta">{t('loading')}</p>
      </main>
    );
  }
  const { contract: c, versions: list, analysis: read } = loaded;
  const sorted = [...list].sort((a, b) => b.seq - a.seq);
  const newest = sorted[0];
  const groups = read?.status === 'done' ? groupFindings(read.findings ?? []) : [];
  return (
    <main data-contract-page={c.id}>
      {back}
      <h1>
        {c.number} · {c.title}
      </h1>
      <dl className="fields">
        <Field label={t('statusLabel')} value={c.status} />
        <Field label={t('typeLabel')} value={c.type} />
        <Field
          label={t('partiesLabel')}
          value={c.counterparty.map((p) => `${p.name} (${p.role})`).join('; ') || null}
        />
        <Field label={t('signedDateLabel')} value={c.signedDate} />
        <Field label={t('effectiveDateLabel')} value={c.effectiveDate} />
        <Field label={t('expiryDateLabel')} value={c.expiryDate} />
        <Field
          label={t('amountLabel')}
          value={c.amount ? `${c.amount.currency} ${formatMinorUnits(c.amount.value)}` : null}
        />
      </dl>
      <h2>{t('versionsTitle')}</h2>
      {sorted.length === 0 ? <p className="meta">{t('noVersions')}</p> : null}
      <ul>
        {sorted.map((v) => (
          <li className="card" key={v.id} data-version={v.id}>
            <div className="name">
              v{v.seq} · {v.filename}
            </div>
            <div className="meta">
              {[`${Math.max(1, Math.round(v.size / 1024))} KB`, v.source, v.createdAt.slice(0, 10)].join(
                ' · ',
              )}
            </div>
            <button type="button" className="secondary" onClick={() => void props.download(v)}>
              {t('download')}
            </button>
          </li>
        ))}
      </ul>
      {newest ? (
        <>
          <h2>{t('findingsTitle', { seq: String(newest.seq) })}</h2>
          {read?.status === 'pending' ? <p className="meta">{t('suggestPending')}</p> : null}
          {read?.status === 'no_text' ? <p className="meta">{t('suggestNoText')}</p> : null}
          {read?.status === 'done' && groups.length === 0 ? <p className="meta">{t('noFindings')}</p> : null}
          {groups.map((g) => (
            <section key={g.level} data-level={g.level}>
              <h3>
                {t(`level.${g.level}`)} ({g.items.length})
              </h3>
              <ul>
                {g.items.map((f, i) => (
                  <li
                    // biome-ignore lint/suspicious/noArrayIndexKey: one rule may report the same paragraph twice
                    key={`${f.ruleId}-${f.fingerprint}-${i}`}
                    className={`finding ${f.level}`}
                    data-rule={f.ruleId}
                  >
                    {localized(lang, f.message)}
                    {f.match ? <q>{f.match}</q> : null}
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </>
      ) : null}
    </main>
  );
}
