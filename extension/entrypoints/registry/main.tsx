import { useCallback, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { createRegistryClient, type VersionInfo } from '../../registry/client';
import { ContractPage } from '../../ui/ContractPage';
import { useLanguage, useSettings } from '../../ui/hooks';
import { RegistrySearch } from '../../ui/RegistrySearch';
import { saveBlob } from '../../ui/save-blob';
import '../../ui/styles.css';

const contractInAddress = () => new URLSearchParams(location.search).get('contract');

function App() {
  const [settings, loaded] = useSettings();
  const lang = useLanguage(settings);
  const [contractId, setContractId] = useState(contractInAddress);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  // The address names the open contract, so the browser's Back returns to the search.
  useEffect(() => {
    const onPop = () => setContractId(contractInAddress());
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  const client = useMemo(
    () => createRegistryClient(fetch.bind(globalThis), settings.registryUrl, settings.token ?? ''),
    [settings.registryUrl, settings.token],
  );
  const open = useCallback((id: string | null) => {
    const params = new URLSearchParams(location.search);
    if (id) params.set('contract', id);
    else params.delete('contract');
    history.pushState(null, '', `?${params}`);
    setContractId(id);
  }, []);
  const download = useCallback(
    async (v: VersionInfo) => saveBlob(await client.downloadVersion(v.contractId, v.id), v.filename),
    [client],
  );
  if (!loaded) return null;
  return (
    <>
      <div hidden={!!contractId}>
        <RegistrySearch
          lang={lang}
          signedIn={!!settings.token}
          initialQuery={new URLSearchParams(location.search).get('q') ?? ''}
          search={(q) => client.search(q)}
          onOpen={open}
        />
      </div>
      {contractId ? (
        <ContractPage
          key={contractId}
          lang={lang}
          contractId={contractId}
          getContract={client.getContract}
          versions={client.versions}
          analysis={client.analysis}
          download={download}
          onBack={() => open(null)}
        />
      ) : null}
    </>
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<App />);
