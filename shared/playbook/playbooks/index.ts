/** The playbooks Pactfile ships: general commercial contracts (purchase, sales, services, NDA) in Chinese and English. */
import type { Playbook } from '@shared/schemas/playbook';
import type { DocumentLanguage } from '@shared/text/language';
import { validatePlaybook } from '../load';
import en from './en.json';
import zhCN from './zh-CN.json';

export const DEFAULT_PLAYBOOK_IDS = ['zh-CN', 'en'] as const;
export type DefaultPlaybookId = (typeof DEFAULT_PLAYBOOK_IDS)[number];

const raw: Record<DefaultPlaybookId, unknown> = { 'zh-CN': zhCN, en };
const parsed = new Map<DefaultPlaybookId, Playbook>();

export function isDefaultPlaybookId(id: string): id is DefaultPlaybookId {
  return (DEFAULT_PLAYBOOK_IDS as readonly string[]).includes(id);
}

/** A shipped playbook, validated on first use. */
export function defaultPlaybook(id: DefaultPlaybookId): Playbook {
  let p = parsed.get(id);
  if (!p) {
    p = validatePlaybook(raw[id], `playbooks/${id}.json`);
    parsed.set(id, p);
  }
  return p;
}

/** The shipped playbook for a document language. */
export function playbookForLanguage(language: DocumentLanguage): Playbook {
  return defaultPlaybook(language === 'zh' ? 'zh-CN' : 'en');
}
