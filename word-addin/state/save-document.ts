/**
 * Saving the open document as a new version of its contract: export the .docx, hash it, upload the bytes
 * only when the registry lacks them, then add the version and remember the contract in the document.
 */
import type { DocumentHost } from '../office/document-host';
import type { RegistryClient, SavedVersion } from '../registry/client';
import { sha256Hex } from '../registry/sha256';

/** The document setting that links a document to its contract in the registry. */
export const CONTRACT_SETTING = 'pactfile.contractId';

export type SaveStage = 'export' | 'hash' | 'upload' | 'version';

export interface SaveProgress {
  stage: SaveStage;
  /** 0..1 within the export; undefined for the other stages. */
  fraction?: number;
}

export interface SaveOutcome {
  version: SavedVersion;
  /** True when these exact bytes were already a version of the contract. */
  duplicate: boolean;
  /** False when the registry already had the bytes and nothing was sent. */
  uploaded: boolean;
  size: number;
  /** Numbers of other contracts that hold these same bytes. */
  alsoFiledAs: string[];
}

export async function linkedContractId(host: DocumentHost): Promise<string | undefined> {
  return host.getSetting(CONTRACT_SETTING);
}

export async function linkContract(host: DocumentHost, contractId: string): Promise<void> {
  await host.setSetting(CONTRACT_SETTING, contractId);
}

export async function saveDocument(
  host: DocumentHost,
  client: RegistryClient,
  contractId: string,
  onProgress: (p: SaveProgress) => void = () => {},
): Promise<SaveOutcome> {
  onProgress({ stage: 'export', fraction: 0 });
  const bytes = await host.exportDocx((p) =>
    onProgress({ stage: 'export', fraction: p.total ? p.done / p.total : 1 }),
  );
  onProgress({ stage: 'hash' });
  const sha256 = await sha256Hex(bytes);
  const missing = !(await client.hasBlob(sha256));
  if (missing) {
    onProgress({ stage: 'upload' });
    await client.putBlob(sha256, bytes);
  }
  onProgress({ stage: 'version' });
  const filename = await host.documentName();
  const { version, duplicate, alreadyFiled } = await client.addVersion(contractId, { sha256, filename });
  if ((await linkedContractId(host)) !== contractId) await linkContract(host, contractId);
  const alsoFiledAs = [
    ...new Set(alreadyFiled.filter((f) => f.contractId !== contractId).map((f) => f.number)),
  ];
  return { version, duplicate, uploaded: missing, size: bytes.length, alsoFiledAs };
}
