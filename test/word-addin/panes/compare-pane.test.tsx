// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { STRINGS } from '../../../word-addin/i18n/strings';
import { createFakeDocumentHost } from '../../../word-addin/office/fake-document-host';
import { ComparePane } from '../../../word-addin/panes/ComparePane';
import { createRegistryClient, type RegistryClient } from '../../../word-addin/registry/client';
import { filledClause } from '../../../word-addin/state/clause-form';
import { loadClauseLibrary } from '../../../word-addin/state/clause-library';
import { CONTRACT_SETTING } from '../../../word-addin/state/save-document';
import { click, type Rendered, render, settle } from './render';

let view: Rendered | null = null;
afterEach(() => view?.unmount());

describe('the Compare pane', () => {
  it('shows a changed clause as insertions and deletions against the standard text', async () => {
    const host = createFakeDocumentHost({ paragraphs: [] });
    await host.insertClause({
      clauseId: 'en.governing-law',
      version: 1,
      title: 'Governing law',
      text: 'This Agreement is governed by the laws of Mars.',
    });
    view = await render(<ComparePane t={STRINGS.en} language="en" host={host} />);
    await click(view.container.querySelector('[data-testid="compare"]'));
    await settle();
    const section = view.container.querySelector('[data-testid="comparison"]');
    expect(section?.textContent).toContain('en.governing-law');
    expect(view.container.querySelector('[data-testid="comparison-summary"]')?.textContent).toMatch(
      /words changed/,
    );
    expect(section?.querySelector('ins')?.textContent).toBeTruthy();
    expect(section?.querySelector('del')?.textContent).toBeTruthy();
  });

  it('compares a fallback position with the fallback text, naming the position', async () => {
    const clause = (await loadClauseLibrary('zh-CN')).find((c) => c.id === 'zh.governing-law')!;
    const host = createFakeDocumentHost({ paragraphs: [] });
    await host.insertClause(filledClause(clause, {}, 'fallback'));
    await host.insertClause(filledClause(clause, {}, 'standard'));
    view = await render(<ComparePane t={STRINGS.zh} language="zh" host={host} />);
    await click(view.container.querySelector('[data-testid="compare"]'));
    await settle();
    const positions = [...view.container.querySelectorAll('[data-testid="comparison-position"]')];
    expect(positions.map((p) => p.textContent)).toEqual([
      'zh.governing-law · v1 · 退让立场',
      'zh.governing-law · v1',
    ]);
    const summaries = [...view.container.querySelectorAll('[data-testid="comparison-summary"]')];
    expect(summaries.map((s) => s.textContent)).toEqual([
      STRINGS.zh.asPosition.fallback,
      STRINGS.zh.asStandard,
    ]);
    expect(view.container.querySelector('[data-testid="position-not-in-library"]')).toBeNull();
  });

  it('says when the document has no library clause', async () => {
    view = await render(
      <ComparePane t={STRINGS.zh} language="zh" host={createFakeDocumentHost({ paragraphs: ['合同'] })} />,
    );
    await click(view.container.querySelector('[data-testid="compare"]'));
    await settle();
    expect(view.container.querySelector('[data-testid="no-clauses"]')?.textContent).toBe(
      STRINGS.zh.noClausesInDocument,
    );
  });

  it('shows the document against its last saved version, with a summary for reviewers', async () => {
    const saved = ['采购合同', '甲方应于收到发票后三十日内付款。', '本合同自签字之日起生效。'];
    const asked: string[] = [];
    const offline = createRegistryClient('http://registry.test', 'token', () =>
      Promise.reject(new TypeError('offline')),
    );
    const client: RegistryClient = {
      ...offline,
      versions: async (id) => {
        asked.push(`versions ${id}`);
        return [1, 2].map((seq) => ({
          id: `v${seq}`,
          seq,
          filename: 'a.docx',
          source: 'word',
          createdAt: `2026-03-0${seq}T10:00:00Z`,
          text: { status: 'done' as const, length: 10 },
        }));
      },
      versionText: async (id, versionId) => {
        asked.push(`text ${id} ${versionId}`);
        return saved.join('\n\n');
      },
    };
    const host = createFakeDocumentHost({
      paragraphs: ['采购合同', '甲方应于收到发票后六十日内付款。', '本合同自签字之日起生效。'],
      settings: { [CONTRACT_SETTING]: 'c1' },
    });
    view = await render(<ComparePane t={STRINGS.en} language="en" host={host} source={{ client }} />);
    await click(view.container.querySelector('[data-testid="compare-document"]'));
    await settle();
    expect(asked).toEqual(['versions c1', 'text c1 v2']);
    const q = (s: string) => view!.container.querySelector(s);
    expect(q('[data-testid="compared-with"]')?.textContent).toBe('Against version 2 (2026-03-02)');
    expect(q('[data-testid="document-summary"]')?.textContent).toMatch(
      /^1 paragraph changed, 0 added, 0 removed/,
    );
    expect(q('[data-testid="figure-changes"]')?.textContent).toBe('1 change touches figures');
    const changed = q('[data-testid="document-comparison"] [data-kind="changed"]');
    expect(changed?.querySelector('ins')?.textContent).toBe('六');
    expect(changed?.querySelector('del')?.textContent).toBe('三');
  });

  it('asks to sign in before comparing with the registry, and to save before there is a version', async () => {
    view = await render(<ComparePane t={STRINGS.zh} language="zh" host={createFakeDocumentHost()} />);
    expect(view.container.querySelector('[data-testid="compare-document"]')?.hasAttribute('disabled')).toBe(
      true,
    );
    expect(view.container.querySelector('[data-testid="document-comparison"]')?.textContent).toContain(
      STRINGS.zh.signInToCompare,
    );
    view.unmount();
    const client = createRegistryClient('http://registry.test', 'token', () =>
      Promise.reject(new TypeError('offline')),
    );
    view = await render(
      <ComparePane t={STRINGS.zh} language="zh" host={createFakeDocumentHost()} source={{ client }} />,
    );
    await click(view.container.querySelector('[data-testid="compare-document"]'));
    await settle();
    expect(view.container.querySelector('[data-testid="document-summary"]')?.textContent).toBe(
      STRINGS.zh.documentNotLinked,
    );
  });
});
