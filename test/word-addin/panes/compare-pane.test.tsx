// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { STRINGS } from '../../../word-addin/i18n/strings';
import { createFakeDocumentHost } from '../../../word-addin/office/fake-document-host';
import { ComparePane } from '../../../word-addin/panes/ComparePane';
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
});
