import {
  Button,
  FluentProvider,
  makeStyles,
  Tab,
  TabList,
  Text,
  Title3,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { type Language, STRINGS } from './i18n/strings';
import type { DocumentHost } from './office/document-host';
import { ChecksPane } from './panes/ChecksPane';
import { ClausesPane } from './panes/ClausesPane';
import { ComparePane } from './panes/ComparePane';
import { SavePane } from './panes/SavePane';
import { SignInPane } from './panes/SignInPane';
import type { RegistryClient } from './registry/client';
import type { OfflineCopies } from './state/offline-copies';
import { type KeyValueStore, loadSession, type Session, saveSession } from './state/session';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: '240px',
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: '4px',
  },
});

type PaneId = 'clauses' | 'checks' | 'compare' | 'save';

export interface AppProps {
  host: DocumentHost;
  language: Language;
  storage: KeyValueStore;
  /** Offline copies of the clause library and playbooks. */
  copies: OfflineCopies;
  defaultRegistryUrl: string;
  makeClient: (url: string, token?: string) => RegistryClient;
}

/** The task pane: the panes that work on the document, and signing in to save to the registry. */
export function App({ host, language, storage, copies, defaultRegistryUrl, makeClient }: AppProps) {
  const styles = useStyles();
  const t = STRINGS[language];
  const [session, setSession] = useState<Session | null>(() => loadSession(storage));
  const [tab, setTab] = useState<PaneId>('checks');
  const client = useMemo(
    () => (session ? makeClient(session.registryUrl, session.token) : null),
    [session, makeClient],
  );

  const clauseSource = useMemo(() => ({ client, copies }), [client, copies]);

  const signIn = (s: Session | null) => {
    saveSession(storage, s);
    setSession(s);
  };

  return (
    <FluentProvider theme={webLightTheme} lang={language === 'zh' ? 'zh-CN' : 'en'}>
      <main className={styles.root}>
        <div className={styles.header}>
          <Title3 as="h1">{t.appTitle}</Title3>
          {session && (
            <span>
              <Text size={200} data-testid="signed-in-as">
                {t.signedInAs(session.userName)}
              </Text>{' '}
              <Button size="small" appearance="transparent" onClick={() => signIn(null)}>
                {t.signOut}
              </Button>
            </span>
          )}
        </div>
        <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as PaneId)} size="small">
          <Tab value="clauses" data-testid="tab-clauses">
            {t.tabClauses}
          </Tab>
          <Tab value="checks" data-testid="tab-checks">
            {t.tabChecks}
          </Tab>
          <Tab value="compare" data-testid="tab-compare">
            {t.tabCompare}
          </Tab>
          <Tab value="save" data-testid="tab-save">
            {t.tabSave}
          </Tab>
        </TabList>
        {/* Clauses, checks and comparison work offline; only saving needs the registry. */}
        {tab === 'clauses' && <ClausesPane t={t} language={language} host={host} source={clauseSource} />}
        {tab === 'checks' && (
          <ChecksPane
            t={t}
            language={language}
            host={host}
            userName={session?.userName}
            source={clauseSource}
          />
        )}
        {tab === 'compare' && <ComparePane t={t} language={language} host={host} source={clauseSource} />}
        {tab === 'save' &&
          (client ? (
            <SavePane t={t} host={host} client={client} />
          ) : (
            <SignInPane t={t} defaultUrl={defaultRegistryUrl} makeClient={makeClient} onSignedIn={signIn} />
          ))}
      </main>
    </FluentProvider>
  );
}
