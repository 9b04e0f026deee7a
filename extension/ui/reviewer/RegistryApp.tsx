import { useCallback, useEffect, useState } from 'react';
import type { RegistryClient, VersionInfo } from '../../registry/client';
import { ContractPage, type ContractPageApi, RETENTION_ROLES } from '../ContractPage';
import { type Language, type MessageKey, translate } from '../i18n';
import { RegistrySearch } from '../RegistrySearch';
import type { Me } from './approvers';
import { Dashboard } from './Dashboard';
import { Inbox } from './Inbox';
import { useLoad } from './load';
import { PeopleProvider } from './people';
import { RetentionReview } from './RetentionReview';

/** The registry calls the registry page makes. */
export type RegistryAppApi = ContractPageApi &
  Pick<
    RegistryClient,
    'search' | 'me' | 'inbox' | 'reportSummary' | 'reportExpiring' | 'retentionDue' | 'decideDestruction'
  >;

export interface RegistryAppProps {
  lang: Language;
  signedIn: boolean;
  api: RegistryAppApi;
  download(version: VersionInfo): Promise<void>;
}

const VIEWS = ['search', 'inbox', 'dashboard', 'retention'] as const;
type View = (typeof VIEWS)[number];

interface Place {
  view: View;
  contractId: string | null;
}

/** Where the address points: `?contract=<id>` opens a contract, `?view=inbox|dashboard|retention` a page. */
function placeInAddress(): Place {
  const params = new URLSearchParams(location.search);
  const view = params.get('view');
  return {
    view: VIEWS.includes(view as View) ? (view as View) : 'search',
    contractId: params.get('contract'),
  };
}

/**
 * The registry page: search, my inbox (with its count), the dashboard, the retention review (legal and
 * administrators), and contract pages.
 */
export function RegistryApp({ lang, signedIn, api, download }: RegistryAppProps) {
  const t = (k: MessageKey, p?: Record<string, string>) => translate(lang, k, p);
  const [place, setPlace] = useState<Place>(placeInAddress);
  // The address names the page, so the browser's Back returns to where the reader was.
  useEffect(() => {
    const onPop = () => setPlace(placeInAddress());
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  const go = useCallback((next: Place) => {
    const params = new URLSearchParams(location.search);
    params.delete('contract');
    params.delete('view');
    if (next.view !== 'search') params.set('view', next.view);
    if (next.contractId) params.set('contract', next.contractId);
    history.pushState(null, '', `?${params}`);
    setPlace(next);
  }, []);

  const loadMe = useCallback(async (): Promise<Me | null> => {
    if (!signedIn) return null;
    const u = await api.me();
    return { id: u.id, role: u.role, department: u.department };
  }, [api, signedIn]);
  const me = useLoad(loadMe);
  const loadInbox = useCallback(async () => (signedIn ? api.inbox() : []), [api, signedIn]);
  const inbox = useLoad(loadInbox);
  const count = inbox.result.state === 'done' ? String(inbox.result.data.length) : '…';
  const reviewsRetention =
    me.result.state === 'done' && !!me.result.data && RETENTION_ROLES.has(me.result.data.role);
  const views = VIEWS.filter((v) => v !== 'retention' || reviewsRetention);
  // The retention review is not offered to other roles: an address naming it shows the search instead.
  const view: View =
    place.view === 'retention' && me.result.state !== 'loading' && !reviewsRetention ? 'search' : place.view;
  const label = (v: View) =>
    v === 'search'
      ? t('navSearch')
      : v === 'inbox'
        ? t('navInbox', { count })
        : v === 'dashboard'
          ? t('navDashboard')
          : t('navRetention');

  const nav = (
    <nav className="tabs" aria-label={t('appName')}>
      {views.map((v) => (
        <button
          key={v}
          type="button"
          className={view === v && !place.contractId ? 'tab selected' : 'tab'}
          aria-current={view === v && !place.contractId ? 'page' : undefined}
          data-view={v}
          onClick={() => go({ view: v, contractId: null })}
        >
          {label(v)}
        </button>
      ))}
    </nav>
  );
  const open = (contractId: string) => go({ view: place.view, contractId });
  return (
    <PeopleProvider lookup={api.people}>
      {nav}
      {place.contractId ? (
        <ContractPage
          key={place.contractId}
          lang={lang}
          contractId={place.contractId}
          api={api}
          me={me.result.state === 'done' ? me.result.data : null}
          download={download}
          onBack={() => go({ view: place.view, contractId: null })}
          onChanged={inbox.reload}
        />
      ) : null}
      {/* Kept mounted, so the search and its results are there again on return. */}
      <div hidden={!!place.contractId || view !== 'search'}>
        <RegistrySearch
          lang={lang}
          signedIn={signedIn}
          initialQuery={new URLSearchParams(location.search).get('q') ?? ''}
          search={(q) => api.search(q)}
          onOpen={open}
        />
      </div>
      {!place.contractId && place.view === 'inbox' ? (
        <Inbox lang={lang} result={inbox.result} reload={inbox.reload} onOpen={open} />
      ) : null}
      {!place.contractId && place.view === 'dashboard' ? (
        <Dashboard lang={lang} reportSummary={api.reportSummary} reportExpiring={api.reportExpiring} />
      ) : null}
      {!place.contractId && view === 'retention' ? (
        <RetentionReview
          lang={lang}
          retentionDue={api.retentionDue}
          decideDestruction={api.decideDestruction}
          onOpen={open}
        />
      ) : null}
    </PeopleProvider>
  );
}
