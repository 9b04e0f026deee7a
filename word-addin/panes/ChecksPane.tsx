import {
  Badge,
  Button,
  Caption1,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Spinner,
  Subtitle2,
  Switch,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { Finding, FindingFix } from '@shared/schemas/finding';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Language, Strings } from '../i18n/strings';
import type { DocumentHost, TargetOutcome } from '../office/document-host';
import { createLiveChecker } from '../state/live-checker';
import { createPlaybookProvider, type PlaybookSource } from '../state/playbook-source';
import { watchForRechecks } from '../state/recheck-trigger';
import {
  acceptedFindings,
  applyAllFixes,
  applyFix,
  type CheckRun,
  commentOnFinding,
  fixableFindings,
  groupByLevel,
  isLocated,
  runChecks,
  selectFinding,
} from '../state/run-checks';
import { acceptFinding, reopenFinding } from '../state/suppressions';

const useStyles = makeStyles({
  pane: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  finding: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    borderLeft: `3px solid ${tokens.colorNeutralStroke1}`,
    overflowWrap: 'anywhere',
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
  info: { borderLeftColor: tokens.colorBrandStroke1 },
  fixes: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  // A long replacement wraps inside its button instead of pushing the pane sideways.
  fix: {
    maxWidth: '100%',
    height: 'auto',
    whiteSpace: 'normal',
    textAlign: 'start',
    overflowWrap: 'anywhere',
  },
  select: { textAlign: 'start', justifyContent: 'flex-start', height: 'auto', padding: 0, minWidth: 0 },
});

export interface ChecksPaneProps {
  t: Strings;
  language: Language;
  host: DocumentHost;
  /** Recorded with an accepted finding. */
  userName?: string;
  /** Quiet time after a change before checking again while typing. */
  debounceMs?: number;
  /** The registry's playbook when signed in; the shipped one otherwise. */
  source?: PlaybookSource;
}

/** Runs the playbook over the document; a finding selects its text, a fix edits it in place. */
export function ChecksPane({ t, language, host, userName, debounceMs = 800, source }: ChecksPaneProps) {
  const styles = useStyles();
  const [run, setRun] = useState<CheckRun | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  /** The finding whose reason for acceptance is being typed. */
  const [accepting, setAccepting] = useState<Finding | null>(null);
  const [reason, setReason] = useState('');
  const [asYouType, setAsYouType] = useState(true);
  const live = useRef(createLiveChecker());
  const playbooks = useMemo(() => createPlaybookProvider(source), [source]);
  const tools = { live: live.current, playbooks };
  const recheck = async () => setRun(await runChecks(host, tools));
  /** Word can refuse an operation (the document is busy, read-only…): say so instead of failing silently. */
  const guarded = (action: () => Promise<void>) => () =>
    action().catch((err: unknown) => setNotice(err instanceof Error ? err.message : String(err)));

  // While on, a change in the document re-checks (only changed paragraphs are re-scanned): at once where
  // Word reports paragraph edits, once typing pauses elsewhere.
  const checked = run !== null;
  useEffect(() => {
    if (!asYouType || !checked) return;
    return watchForRechecks(
      host,
      async () => setRun(await runChecks(host, { live: live.current, playbooks })),
      debounceMs,
    );
  }, [host, asYouType, checked, debounceMs, playbooks]);

  const say = (outcome: TargetOutcome) =>
    setNotice(outcome === 'stale' ? t.staleFinding : outcome === 'not-found' ? t.findingNotFound : null);

  const checkNow = guarded(async () => {
    setBusy(true);
    setNotice(null);
    // The button fetches the playbook again; checking while typing keeps the one it has.
    playbooks.refresh();
    try {
      await recheck();
    } finally {
      setBusy(false);
    }
  });

  const fix = (f: Finding, chosen: FindingFix) =>
    guarded(async () => {
      if (!run) return;
      const outcome = await applyFix(host, run, f, chosen);
      say(outcome);
      if (outcome === 'done') await recheck();
    });

  const fixAll = guarded(async () => {
    if (!run) return;
    const { applied, skipped } = await applyAllFixes(host, run);
    setNotice(skipped > 0 ? t.someFixesSkipped(applied, skipped) : null);
    await recheck();
  });

  const accept = (f: Finding) =>
    guarded(async () => {
      await acceptFinding(host, f, reason, userName);
      setAccepting(null);
      setReason('');
      await recheck();
    });

  const reopen = (f: Finding) =>
    guarded(async () => {
      await reopenFinding(host, f);
      await recheck();
    });

  const select = (f: Finding) =>
    guarded(async () => {
      if (run) say(await selectFinding(host, run, f));
    });

  const comment = (f: Finding) =>
    guarded(async () => {
      if (run) say(await commentOnFinding(host, run, f, language));
    });

  const unambiguous = run ? fixableFindings(run.findings).length : 0;

  const acceptForm = (f: Finding) => (
    <form
      className={styles.fixes}
      onSubmit={(e) => {
        e.preventDefault();
        if (reason.trim()) void accept(f)();
      }}
    >
      <Input
        size="small"
        value={reason}
        onChange={(_, d) => setReason(d.value)}
        placeholder={t.acceptReason}
        aria-label={t.acceptReason}
        data-testid="accept-reason"
      />
      <Button size="small" type="submit" disabled={!reason.trim()} data-testid="accept-confirm">
        {t.accept}
      </Button>
    </form>
  );

  const findingView = (f: Finding, key: number) => (
    <div
      key={key}
      className={`${styles.finding} ${styles[f.level]}`}
      data-testid="finding"
      data-rule={f.ruleId}
    >
      {isLocated(f) ? (
        <Button
          appearance="transparent"
          className={styles.select}
          onClick={select(f)}
          title={t.showInDocument}
        >
          {f.message[language]}
        </Button>
      ) : (
        <Text>{f.message[language]}</Text>
      )}
      <Caption1>{isLocated(f) ? `“${f.match}”` : t.wholeDocument}</Caption1>
      <div className={styles.fixes}>
        {f.fixes.map((x) => (
          <Button
            key={`${x.range[0]}-${x.replacement}`}
            size="small"
            className={styles.fix}
            onClick={fix(f, x)}
            data-testid="fix"
          >
            {x.label ? `${x.label[language]}: ${x.replacement}` : t.replaceWith(x.replacement)}
          </Button>
        ))}
        {isLocated(f) && host.supportsComments() && (
          <Button size="small" appearance="subtle" onClick={comment(f)} data-testid="comment">
            {t.addComment}
          </Button>
        )}
        <Button
          size="small"
          appearance="subtle"
          onClick={() => setAccepting(accepting === f ? null : f)}
          data-testid="accept"
        >
          {t.accept}…
        </Button>
      </div>
      {accepting === f && acceptForm(f)}
    </div>
  );

  const accepted = run ? acceptedFindings(run.findings) : [];

  return (
    <div className={styles.pane}>
      <Button appearance="primary" onClick={checkNow} disabled={busy} data-testid="run-checks">
        {busy ? t.checking : t.runChecks}
      </Button>
      {unambiguous > 1 && (
        <Button onClick={fixAll} data-testid="fix-all">
          {t.applyAllFixes(unambiguous)}
        </Button>
      )}
      <Switch
        checked={asYouType}
        onChange={(_, d) => setAsYouType(d.checked)}
        label={t.checkAsYouType}
        data-testid="as-you-type"
      />
      {busy && <Spinner size="tiny" />}
      {notice && (
        <MessageBar intent="warning" data-testid="checks-notice">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {run && <Caption1 data-testid="playbook-origin">{t.playbookOrigin[run.playbookOrigin]}</Caption1>}
      {run && groupByLevel(run.findings).length === 0 && (
        <Text data-testid="no-findings">{t.noFindings}</Text>
      )}
      {run &&
        groupByLevel(run.findings).map((g) => (
          <section key={g.level} className={styles.group} data-testid={`level-${g.level}`}>
            <Subtitle2>
              {t.levels[g.level]} <Badge appearance="tint">{g.findings.length}</Badge>
            </Subtitle2>
            {g.findings.map(findingView)}
          </section>
        ))}
      {accepted.length > 0 && (
        <section className={styles.group} data-testid="accepted">
          <Subtitle2>
            {t.acceptedFindings} <Badge appearance="outline">{accepted.length}</Badge>
          </Subtitle2>
          {accepted.map((f, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: findings are re-computed whole on every check
            <div key={i} className={styles.finding} data-testid="accepted-finding" data-rule={f.ruleId}>
              <Text>{f.message[language]}</Text>
              <Caption1>{`${t.acceptedBecause}${f.suppression?.reason ?? ''}`}</Caption1>
              <Button size="small" appearance="subtle" onClick={reopen(f)} data-testid="reopen">
                {t.reopen}
              </Button>
            </div>
          ))}
        </section>
      )}
    </div>
  );
}
