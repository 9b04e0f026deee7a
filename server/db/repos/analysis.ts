import type { Extraction } from '@shared/schemas/extraction';
import type { Finding } from '@shared/schemas/finding';
import { nowIso } from '../../ids';
import type { Db } from '../kysely';

export interface VersionAnalysis {
  versionId: string;
  language: 'zh' | 'en';
  playbook: { id: string; version: string };
  analyzedAt: string;
  counts: { error: number; warning: number; info: number };
  findings: Finding[];
  metadata: Extraction;
}

export class AnalysisRepo {
  constructor(private readonly d: Db) {}

  async save(a: Omit<VersionAnalysis, 'analyzedAt' | 'counts'>): Promise<void> {
    const count = (level: Finding['level']) =>
      a.findings.filter((f) => f.level === level && !f.suppression).length;
    const row = {
      version_id: a.versionId,
      language: a.language,
      playbook_id: a.playbook.id,
      playbook_version: a.playbook.version,
      analyzed_at: nowIso(),
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
      findings: JSON.stringify(a.findings),
      metadata: JSON.stringify(a.metadata),
    };
    await this.d.db
      .insertInto('version_analysis')
      .values(row)
      .onConflict((oc) => oc.column('version_id').doUpdateSet(row))
      .execute();
  }

  async get(versionId: string): Promise<VersionAnalysis | null> {
    const r = await this.d.db
      .selectFrom('version_analysis')
      .selectAll()
      .where('version_id', '=', versionId)
      .executeTakeFirst();
    if (!r) return null;
    return {
      versionId: r.version_id,
      language: r.language as 'zh' | 'en',
      playbook: { id: r.playbook_id, version: r.playbook_version },
      analyzedAt: r.analyzed_at,
      counts: { error: Number(r.errors), warning: Number(r.warnings), info: Number(r.infos) },
      findings: JSON.parse(r.findings) as Finding[],
      metadata: JSON.parse(r.metadata) as Extraction,
    };
  }
}
