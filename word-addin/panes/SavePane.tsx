import {
  Button,
  Divider,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  ProgressBar,
  Spinner,
  Subtitle2,
  Text,
  tokens,
} from '@fluentui/react-components';
import { CONTRACT_TYPES } from '@shared/extract/contract-types';
import { type FormEvent, useEffect, useState } from 'react';
import { errorMessage } from '../i18n/error-message';
import type { Strings } from '../i18n/strings';
import type { DocumentHost } from '../office/document-host';
import { type ContractSummary, type RegistryClient, RegistryError } from '../registry/client';
import { linkContract, linkedContractId, type SaveProgress, saveDocument } from '../state/save-document';

const useStyles = makeStyles({
  pane: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
  grow: { flexGrow: 1, minWidth: 0 },
  result: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
    justifyContent: 'space-between',
  },
  contract: { display: 'flex', flexDirection: 'column', minWidth: 0, overflowWrap: 'anywhere' },
});

export interface SavePaneProps {
  t: Strings;
  host: DocumentHost;
  client: RegistryClient;
}

type Status =
  | { kind: 'idle' }
  | { kind: 'ok'; text: string }
  | { kind: 'error'; error: unknown }
  | { kind: 'link-lost' };

function ContractLine({ contract }: { contract: ContractSummary }) {
  const styles = useStyles();
  return (
    <span className={styles.contract}>
      <Text weight="semibold" data-testid="contract-number">
        {contract.number}
      </Text>
      <Text size={200}>{contract.title}</Text>
    </span>
  );
}

/** Links the document to a registry contract and saves it there as a new version. */
export function SavePane({ t, host, client }: SavePaneProps) {
  const styles = useStyles();
  const [contract, setContract] = useState<ContractSummary | null | undefined>(undefined);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<ContractSummary[] | null>(null);
  const [title, setTitle] = useState('');
  const [type, setType] = useState('general');
  const [progress, setProgress] = useState<SaveProgress | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const fail = (error: unknown) => setStatus({ kind: 'error', error });

  useEffect(() => {
    let live = true;
    (async () => {
      const id = await linkedContractId(host);
      const name = await host.documentName();
      if (live) setTitle(name.replace(/\.docx$/i, ''));
      if (!id) {
        if (live) setContract(null);
        return;
      }
      try {
        const found = await client.getContract(id);
        if (live) setContract(found);
      } catch (err) {
        if (!live) return;
        setContract(null);
        const lost = err instanceof RegistryError && err.kind === 'not-found';
        setStatus(lost ? { kind: 'link-lost' } : { kind: 'error', error: err });
      }
    })();
    return () => {
      live = false;
    };
  }, [host, client]);

  async function choose(c: ContractSummary) {
    try {
      await linkContract(host, c.id);
      setContract(c);
      setStatus({ kind: 'idle' });
    } catch (err) {
      fail(err);
    }
  }

  async function runSearch(e: FormEvent) {
    e.preventDefault();
    if (!query.trim()) return;
    try {
      setResults(await client.search(query.trim()));
    } catch (err) {
      fail(err);
    }
  }

  async function create(e: FormEvent) {
    e.preventDefault();
    try {
      await choose(await client.createContract({ title: title.trim(), type: type.trim() }));
    } catch (err) {
      fail(err);
    }
  }

  async function save() {
    if (!contract) return;
    setStatus({ kind: 'idle' });
    try {
      const out = await saveDocument(host, client, contract.id, setProgress);
      const updated = { ...contract, versionCount: Math.max(contract.versionCount, out.version.seq) };
      setContract(updated);
      const say = out.duplicate ? t.alreadySaved : t.saved;
      const also = out.alsoFiledAs.length ? ` ${t.alsoFiledAs(out.alsoFiledAs.join(', '))}` : '';
      setStatus({ kind: 'ok', text: `${say(out.version.seq, contract.number)}${also}` });
    } catch (err) {
      fail(err);
    } finally {
      setProgress(null);
    }
  }

  const message =
    status.kind === 'idle' ? null : (
      <MessageBar intent={status.kind === 'ok' ? 'success' : 'error'} data-testid="save-status">
        <MessageBarBody>
          {status.kind === 'ok'
            ? status.text
            : status.kind === 'link-lost'
              ? t.linkLost
              : errorMessage(t, status.error, client.baseUrl)}
        </MessageBarBody>
      </MessageBar>
    );

  if (contract === undefined) return <Spinner size="small" label={t.loading} />;

  if (contract) {
    return (
      <div className={styles.pane}>
        <Text>{t.linkedTo}</Text>
        <ContractLine contract={contract} />
        <Button appearance="primary" onClick={save} disabled={progress !== null} data-testid="save">
          {progress ? t.saving : t.save}
        </Button>
        {progress && (
          <Field validationMessage={t.stage[progress.stage]} validationState="none">
            <ProgressBar
              value={progress.stage === 'export' ? progress.fraction : undefined}
              data-testid="save-progress"
            />
          </Field>
        )}
        {message}
        <Divider />
        <Button appearance="subtle" onClick={() => setContract(null)} disabled={progress !== null}>
          {t.changeContract}
        </Button>
      </div>
    );
  }

  return (
    <div className={styles.pane}>
      <Text>{t.notLinked}</Text>
      {message}
      <form className={styles.row} onSubmit={runSearch} aria-label={t.searchContracts}>
        <Field label={t.searchContracts} className={styles.grow}>
          <Input
            value={query}
            onChange={(_, d) => setQuery(d.value)}
            placeholder={t.searchPlaceholder}
            data-testid="search-query"
          />
        </Field>
        <Button type="submit" data-testid="search">
          {t.search}
        </Button>
      </form>
      {results?.length === 0 && <Text>{t.noResults}</Text>}
      {results?.map((c) => (
        <div key={c.id} className={styles.result}>
          <ContractLine contract={c} />
          <Button size="small" onClick={() => choose(c)} data-testid={`link-${c.id}`}>
            {t.link}
          </Button>
        </div>
      ))}
      <Divider />
      <Subtitle2>{t.createContract}</Subtitle2>
      <form className={styles.pane} onSubmit={create} aria-label={t.createContract}>
        <Field label={t.contractTitle} required>
          <Input value={title} onChange={(_, d) => setTitle(d.value)} data-testid="new-title" />
        </Field>
        <Field label={t.contractType} required>
          <Input
            value={type}
            onChange={(_, d) => setType(d.value)}
            list="pactfile-contract-types"
            data-testid="new-type"
          />
          <datalist id="pactfile-contract-types">
            {CONTRACT_TYPES.map((code) => (
              <option key={code} value={code} label={t.contractTypeName(code)} />
            ))}
          </datalist>
        </Field>
        <Button type="submit" disabled={!title.trim() || !type.trim()} data-testid="create">
          {t.create}
        </Button>
      </form>
    </div>
  );
}
