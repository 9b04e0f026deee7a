// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { STRINGS } from '../../../word-addin/i18n/strings';
import { createFakeDocumentHost } from '../../../word-addin/office/fake-document-host';
import { ClausesPane } from '../../../word-addin/panes/ClausesPane';
import { click, type Rendered, render, settle, typeInto } from './render';

let view: Rendered | null = null;
afterEach(() => view?.unmount());

describe('the Clauses pane', () => {
  it('filters the library, inserts a clause at the cursor and lists it as in the document', async () => {
    const host = createFakeDocumentHost({ paragraphs: ['合同', '第一条'] });
    host.state.selection = { paragraphIndex: 0, start: 2, end: 2 };
    view = await render(<ClausesPane t={STRINGS.zh} language="zh" host={host} />);
    await settle();
    expect(view.container.querySelector('[data-testid="library-origin"]')?.textContent).toBe(
      STRINGS.zh.libraryOrigin.starter,
    );
    const all = view.container.querySelectorAll('[data-testid="library-clause"]').length;
    expect(all).toBeGreaterThan(1);
    await typeInto(view.container.querySelector('[data-testid="clause-query"]'), '保密');
    const shown = view.container.querySelectorAll('[data-testid="library-clause"]');
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(all);
    const id = shown[0]?.getAttribute('data-clause');
    await click(shown[0]?.querySelector('button'));
    await settle();
    expect(host.state.paragraphs[0]).toBe('合同');
    expect(host.state.paragraphs.length).toBeGreaterThan(2);
    expect(host.state.paragraphs.at(-1)).toBe('第一条');
    expect(host.state.clauses.map((c) => c.tag)).toEqual([
      expect.stringMatching(new RegExp(`^pactfile:clause:${id}@\\d+$`)),
    ]);
    const listed = view.container.querySelectorAll('[data-testid="clause-in-document"]');
    expect(listed).toHaveLength(1);
    expect(listed[0]?.textContent).toContain(id);
  });
});
