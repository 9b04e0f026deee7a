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
import type { ClausePosition, ClauseToInsert, DocumentHost } from '../office/document-host';
import {
  type ClauseInDocument,
  type ClauseSource,
  clausesInDocument,
  documentClauseLanguage,
  filterClauses,
  isOutdated,
  type LibraryOrigin,
  loadLibrary,
} from '../state/clause-library';
import { updateClause } from '../state/update-clause';
import { ClauseForm } from './ClauseForm';
import { clauseCaption } from './clause-caption';

const useStyles = makeStyles({
  pane: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  item: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
    justifyContent: 'space-between',
  },
  text: { display: 'flex', flexDirection: 'column', minWidth: 0, overflowWrap: 'anywhere' },
  entry: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  // The title wraps; the button keeps its size.
  action: { flexShrink: 0 },
  side: { display: 'flex', flexDirection: 'column', alignItems: 'flex-end', gap: tokens.spacingVerticalXS },
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

  const [open, setOpen] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function insert(c: ClauseToInsert) {
    setError(null);
    setNotice(null);
    try {
      await host.insertClause(c);
      setOpen(null);
      await refresh(library);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  /** Updates in the position inserted, or to the standard text when the newer version no longer offers it. */
  async function update(index: number, c: ClauseInDocument, target: ClausePosition = c.position) {
    const latest = library.find((l) => l.id === c.clauseId);
    if (!latest) return;
    setError(null);
    try {
      const outcome = await updateClause(host, index, c, latest, target);
      setNotice(
        outcome === 'gone'
          ? t.clauseGone
          : outcome === 'position-missing'
            ? t.positionGone(t.positions[target], latest.version)
            : target === c.position
              ? t.updated(latest.version)
              : t.updatedToStandard(latest.version),
      );
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
                <Caption1 data-testid="clause-position" data-position={c.position}>
                  {clauseCaption(t, c.clauseId, c.version, c.position)}
                </Caption1>
                {isOutdated(c) && !c.positionInLatest && (
                  <Caption1 data-testid="position-gone">
                    {t.positionGone(t.positions[c.position], c.latestVersion ?? 0)}
                  </Caption1>
                )}
              </span>
              {isOutdated(c) && (
                <span className={styles.side}>
                  <Badge color="warning" appearance="tint">
                    {t.newerVersion(c.latestVersion ?? 0)}
                  </Badge>
                  {c.positionInLatest ? (
                    <Button size="small" onClick={() => update(i, c)} data-testid="update-clause">
                      {t.updateTo(c.latestVersion ?? 0)}
                    </Button>
                  ) : (
                    <Button
                      size="small"
                      onClick={() => update(i, c, 'standard')}
                      data-testid="update-to-standard"
                    >
                      {t.updateToStandard(c.latestVersion ?? 0)}
                    </Button>
                  )}
                </span>
              )}
            </div>
          ))}
          {notice && (
            <Caption1 data-testid="clauses-notice" aria-live="polite">
              {notice}
            </Caption1>
          )}
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
        <div key={c.id} className={styles.entry} data-testid="library-clause" data-clause={c.id}>
          <div className={styles.item}>
            <span className={styles.text}>
              <Text weight="semibold">{localize(c.title, ui)}</Text>
              <Caption1>{`${categoryName(c.category, ui)} · v${c.version}`}</Caption1>
            </span>
            <Button
              size="small"
              className={styles.action}
              onClick={() => setOpen(open === c.id ? null : c.id)}
              aria-expanded={open === c.id}
              data-testid={`insert-${c.id}`}
            >
              {t.openInsert}
            </Button>
          </div>
          {open === c.id && (
            <ClauseForm
              t={t}
              language={language}
              clause={c}
              onInsert={insert}
              onCancel={() => setOpen(null)}
            />
          )}
        </div>
      ))}
    </div>
  );
}
