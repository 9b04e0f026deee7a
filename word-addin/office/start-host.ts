/// <reference types="office-js" />
/**
 * Chooses the document the pane works on: Word's, once Office is ready, or an in-memory one when the page
 * is opened with `?host=fake` (outside Word: end-to-end tests and demonstrations).
 */
import type { DocumentHost } from './document-host';
import { createFakeDocumentHost } from './fake-document-host';
import { liveOfficeEnvironment } from './office-environment';
import { createWordDocumentHost } from './word-document-host';

export interface StartedHost {
  host: DocumentHost;
  /** Office's display language, or the browser's. */
  displayLanguage: string;
}

const SAMPLE = [
  '采购合同',
  '甲方：上海示例科技有限公司    乙方：示例供应有限公司',
  '1. 甲方应于收到发票后三十日内付款，合同总价为人民币壹万元整（¥12,000）。',
  '2. 本合同自双方签字盖章之日起生效。',
];

/** The page was opened outside Word (in a browser tab) without asking for the in-memory document. */
export class NotInWordError extends Error {
  constructor(host: string | null) {
    super(`Opened in ${host ?? 'a browser'}, not in Word`);
    this.name = 'NotInWordError';
  }
}

export async function startHost(search: string, browserLanguage: string): Promise<StartedHost> {
  const params = new URLSearchParams(search);
  if (params.get('host') === 'fake') {
    return {
      host: createFakeDocumentHost({ paragraphs: SAMPLE, name: 'Purchase agreement.docx', sliceSize: 1024 }),
      displayLanguage: params.get('lang') ?? browserLanguage,
    };
  }
  const info = await Office.onReady();
  if (String(info.host) !== 'Word') throw new NotInWordError(info.host ? String(info.host) : null);
  return {
    host: createWordDocumentHost(liveOfficeEnvironment()),
    displayLanguage: Office.context.displayLanguage || browserLanguage,
  };
}
