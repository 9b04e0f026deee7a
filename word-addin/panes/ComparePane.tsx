import {
  Badge,
  Button,
  Caption1,
  Divider,
  makeStyles,
  Subtitle2,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { RedlineOp, RedlineParagraph } from '@shared/diff/types';
import { localize } from '@shared/schemas/clause';
import { useState } from 'react';
import { errorMessage } from '../i18n/error-message';
import type { Language, Strings } from '../i18n/strings';
import type { DocumentHost } from '../office/document-host';
import type { ClauseSource } from '../state/clause-library';
import { type ClauseComparison, compareClauses } from '../state/compare-clauses';
import { compareWithLastVersion, type DocumentComparison, touchesFigures } from '../state/compare-document';
import { clauseCaption } from './clause-caption';

const useStyles = makeStyles({
  pane: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  clause: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    overflowWrap: 'anywhere',
  },
  paragraph: { margin: 0, lineHeight: tokens.lineHeightBase300 },
  ins: { color: tokens.colorPaletteGreenForeground2, textDecorationLine: 'underline' },
  del: { color: tokens.colorPaletteRedForeground2, textDecorationLine: 'line-through' },
  variable: { backgroundColor: tokens.colorNeutralBackground3 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  changed: {
    margin: 0,
    lineHeight: tokens.lineHeightBase300,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `3px solid ${tokens.colorNeutralStroke1}`,
    overflowWrap: 'anywhere',
  },
  figures: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
});

export interface ComparePaneProps {
  t: Strings;
  language: Language;
  host: DocumentHost;
  source?: ClauseSource;
}

function Op({ op }: { op: RedlineOp }) {
  const styles = useStyles();
  switch (op.op) {
    case 'insert':
      return <ins className={styles.ins}>{op.text}</ins>;
    case 'delete':
      return <del className={styles.del}>{op.text}</del>;
    case 'variable':
      return (
        <span className={styles.variable} title={op.placeholder}>
          {op.text}
        </span>
      );
    default:
      return <>{op.text}</>;
  }
}

function Paragraph({ p, className }: { p: RedlineParagraph; className?: string }) {
  const styles = useStyles();
  return (
    <p className={className ?? styles.paragraph} data-kind={p.kind}>
      {p.ops.map((op, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: ops are a fixed sequence
        <Op key={i} op={op} />
      ))}
    </p>
  );
}

/** The whole document against its last version in the registry, with a summary for reviewers. */
function DocumentComparisonView({ t, result }: { t: Strings; result: DocumentComparison }) {
  const styles = useStyles();
  if (result.kind === 'not-linked') return <Text data-testid="document-summary">{t.documentNotLinked}</Text>;
  if (result.kind === 'no-version') return <Text data-testid="document-summary">{t.noSavedVersion}</Text>;
  const date = result.version.createdAt.slice(0, 10);
  if (result.kind === 'no-text')
    return <Text data-testid="document-summary">{t.comparedWith(result.version.seq, date)}</Text>;
  const s = result.summary;
  return (
    <>
      <Caption1 data-testid="compared-with">{t.comparedWith(result.version.seq, date)}</Caption1>
      {s.identical ? (
        <Text data-testid="document-summary">{t.documentUnchanged}</Text>
      ) : (
        <>
          <Text data-testid="document-summary">
            {t.documentDeviation(
              s.paragraphs.changed,
              s.paragraphs.inserted,
              s.paragraphs.deleted,
              s.similarity,
            )}
          </Text>
          <Caption1>{t.wordsChanged(s.words.inserted, s.words.deleted)}</Caption1>
          {s.figureChanges > 0 && (
            <Badge color="warning" appearance="tint" data-testid="figure-changes">
              {t.figureChanges(s.figureChanges)}
            </Badge>
          )}
          {result.redline.paragraphs
            .filter((p) => p.kind !== 'equal')
            .map((p) => (
              <Paragraph
                key={`${p.from?.index ?? '-'}:${p.to?.index ?? '-'}`}
                p={p}
                className={`${styles.changed} ${touchesFigures(p) ? styles.figures : ''}`}
              />
            ))}
        </>
      )}
    </>
  );
}

/** Shows how each library clause in the document deviates from its standard text. */
export function ComparePane({ t, language, host, source }: ComparePaneProps) {
  const styles = useStyles();
  const [comparisons, setComparisons] = useState<ClauseComparison[] | null>(null);
  const [busy, setBusy] = useState(false);
  const ui = language === 'zh' ? 'zh-CN' : 'en';

  async function compare() {
    setBusy(true);
    try {
      setComparisons(await compareClauses(host, source));
    } finally {
      setBusy(false);
    }
  }

  const client = source?.client ?? null;
  const [document, setDocument] = useState<DocumentComparison | null>(null);
  const [documentError, setDocumentError] = useState<string | null>(null);

  async function compareDocument() {
    if (!client) return;
    setBusy(true);
    setDocumentError(null);
    try {
      setDocument(await compareWithLastVersion(host, client));
    } catch (err) {
      setDocumentError(errorMessage(t, err, client.baseUrl));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className={styles.pane}>
      <section className={styles.section} data-testid="document-comparison">
        <Button onClick={compareDocument} disabled={busy || !client} data-testid="compare-document">
          {t.compareDocument}
        </Button>
        {!client && <Caption1>{t.signInToCompare}</Caption1>}
        {documentError && <Text data-testid="document-summary">{documentError}</Text>}
        {document && <DocumentComparisonView t={t} result={document} />}
      </section>
      <Divider />
      <Button appearance="primary" onClick={compare} disabled={busy} data-testid="compare">
        {t.compareClauses}
      </Button>
      {comparisons?.length === 0 && <Text data-testid="no-clauses">{t.noClausesInDocument}</Text>}
      {comparisons?.map((c, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a clause can be inserted twice; the list is re-read whole
        <section key={i} className={styles.clause} data-testid="comparison">
          <Subtitle2>{c.standard ? localize(c.standard.title, ui) : c.inDocument.title}</Subtitle2>
          <Caption1 data-testid="comparison-position" data-position={c.inDocument.position}>
            {clauseCaption(t, c.inDocument.clauseId, c.inDocument.version, c.inDocument.position)}
          </Caption1>
          {c.outdated && c.standard && (
            <Badge color="warning" appearance="tint">
              {t.newerVersion(c.standard.version)}
            </Badge>
          )}
          {c.positionMissing && c.inDocument.position !== 'standard' && (
            <Caption1 data-testid="position-not-in-library">
              {t.positionNotInLibrary(t.positions[c.inDocument.position])}
            </Caption1>
          )}
          {!c.redline ? (
            <Text>{t.notInLibrary}</Text>
          ) : c.redline.summary.identical ? (
            <Text data-testid="comparison-summary">
              {c.comparedWith === 'standard' ? t.asStandard : t.asPosition[c.comparedWith]}
            </Text>
          ) : (
            <>
              <Text data-testid="comparison-summary">
                {t.deviation(c.redline.summary.words.changed, Math.round(c.redline.summary.similarity * 100))}
              </Text>
              {c.redline.paragraphs
                .filter((p) => p.kind !== 'equal')
                .map((p) => (
                  <Paragraph key={`${p.from?.index ?? '-'}:${p.to?.index ?? '-'}`} p={p} />
                ))}
            </>
          )}
        </section>
      ))}
    </div>
  );
}
