import {
  Badge,
  Button,
  Caption1,
  Divider,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Subtitle2,
  Tab,
  TabList,
  Text,
  tokens,
} from '@fluentui/react-components';
import { CLAUSE_CATEGORIES, type Clause, type ClauseLanguage, localize } from '@shared/schemas/clause';
import { useCallback, useEffect, useState } from 'react';
import type { Language, Strings } from '../i18n/strings';
import type { DocumentHost } from '../office/document-host';
import {
  type ClauseInDocument,
  type ClauseSource,
  clausesInDocument,
  documentClauseLanguage,
  filterClauses,
  insertClause,
  isOutdated,
  type LibraryOrigin,
  loadLibrary,
} from '../state/clause-library';

const useStyles = makeStyles({
  pane: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  item: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
    justifyContent: 'space-between',
  },
  text: { display: 'flex', flexDirection: 'column', minWidth: 0, overflowWrap: 'anywhere' },
});

export interface ClausesPaneProps {
  t: Strings;
  language: Language;
  host: DocumentHost;
  /** The registry's library when signed in; the starter library otherwise. */
  source?: ClauseSource;
}

const categoryName = (category: string, ui: ClauseLanguage) => {
  const known = CLAUSE_CATEGORIES[category as keyof typeof CLAUSE_CATEGORIES];
  return known ? localize(known, ui) : category;
};

/** Inserts library clauses at the cursor and lists the ones already in the document. */
export function ClausesPane({ t, language, host, source }: ClausesPaneProps) {
  const styles = useStyles();
  const ui: ClauseLanguage = language === 'zh' ? 'zh-CN' : 'en';
  const [libraryLanguage, setLibraryLanguage] = useState<ClauseLanguage>(ui);
  const [library, setLibrary] = useState<Clause[]>([]);
  const [origin, setOrigin] = useState<LibraryOrigin | null>(null);
  const [query, setQuery] = useState('');
  const [inDocument, setInDocument] = useState<ClauseInDocument[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    documentClauseLanguage(host, ui).then((l) => live && setLibraryLanguage(l));
    return () => {
      live = false;
    };
  }, [host, ui]);

  const refresh = useCallback(
    async (clauses: Clause[]) => setInDocument(await clausesInDocument(host, clauses)),
    [host],
  );

  useEffect(() => {
    let live = true;
    loadLibrary(libraryLanguage, source).then(async (loaded) => {
      if (!live) return;
      setLibrary(loaded.clauses);
      setOrigin(loaded.origin);
      await refresh(loaded.clauses);
    });
    return () => {
      live = false;
    };
  }, [libraryLanguage, refresh, source]);

  async function insert(c: Clause) {
    setError(null);
    try {
      await insertClause(host, c);
      await refresh(library);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <div className={styles.pane}>
      {inDocument.length > 0 && (
        <section className={styles.pane} data-testid="clauses-in-document">
          <Subtitle2>{t.clausesInDocument}</Subtitle2>
          {inDocument.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a clause can be inserted twice; the list is re-read whole
            <div key={`${c.clauseId}-${i}`} className={styles.item} data-testid="clause-in-document">
              <span className={styles.text}>
                <Text>{c.title}</Text>
                <Caption1>{`${c.clauseId} · v${c.version}`}</Caption1>
              </span>
              {isOutdated(c) && (
                <Badge color="warning" appearance="tint">
                  {t.newerVersion(c.latestVersion ?? 0)}
                </Badge>
              )}
            </div>
          ))}
          <Divider />
        </section>
      )}
      <TabList
        size="small"
        selectedValue={libraryLanguage}
        onTabSelect={(_, d) => setLibraryLanguage(d.value as ClauseLanguage)}
      >
        <Tab value="zh-CN">{t.libraryChinese}</Tab>
        <Tab value="en">{t.libraryEnglish}</Tab>
      </TabList>
      {origin && <Caption1 data-testid="library-origin">{t.libraryOrigin[origin]}</Caption1>}
      <Field label={t.findClause}>
        <Input value={query} onChange={(_, d) => setQuery(d.value)} data-testid="clause-query" />
      </Field>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {filterClauses(library, query, ui).map((c) => (
        <div key={c.id} className={styles.item} data-testid="library-clause" data-clause={c.id}>
          <span className={styles.text}>
            <Text weight="semibold">{localize(c.title, ui)}</Text>
            <Caption1>{`${categoryName(c.category, ui)} · v${c.version}`}</Caption1>
          </span>
          <Button size="small" onClick={() => insert(c)} data-testid={`insert-${c.id}`}>
            {t.insert}
          </Button>
        </div>
      ))}
    </div>
  );
}
