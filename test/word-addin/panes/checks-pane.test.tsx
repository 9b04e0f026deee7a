// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { STRINGS } from '../../../word-addin/i18n/strings';
import { createFakeDocumentHost } from '../../../word-addin/office/fake-document-host';
import { ChecksPane } from '../../../word-addin/panes/ChecksPane';
import { click, type Rendered, render, settle, typeInto } from './render';

const DRAFT = ['采购合同', '1. 甲方应于收到发票后三十日内付款，合同总价为人民币壹万元整（¥12,000）。'];
let view: Rendered | null = null;
afterEach(() => view?.unmount());

describe('the Checks pane', () => {
  it('lists findings by level in the UI language and applies a fix to the document', async () => {
    const host = createFakeDocumentHost({ paragraphs: DRAFT });
    view = await render(<ChecksPane t={STRINGS.zh} language="zh" host={host} />);
    const q = (s: string) => view!.container.querySelector(s);
    expect(q('[data-testid="run-checks"]')?.textContent).toBe('检查文档');
    await click(q('[data-testid="run-checks"]'));
    await settle();
    const findings = view.container.querySelectorAll('[data-testid="finding"]');
    expect(findings.length).toBeGreaterThan(0);
    expect(q('[data-testid="level-error"]')?.textContent).toContain('错误');
    expect(q('[data-testid="playbook-origin"]')?.textContent).toBe(STRINGS.zh.playbookOrigin.starter);
    const fixButton = q('[data-testid="level-error"] [data-testid="fix"]');
    expect(fixButton).not.toBeNull();
    const ruleId = fixButton?.closest('[data-testid="finding"]')?.getAttribute('data-rule');
    await click(fixButton);
    await settle();
    expect(host.state.paragraphs[1]).not.toBe(DRAFT[1]);
    expect(view.container.querySelector(`[data-rule="${ruleId}"]`)).toBeNull();
  });

  it('selects the text of a finding when it is clicked', async () => {
    const host = createFakeDocumentHost({ paragraphs: DRAFT });
    view = await render(<ChecksPane t={STRINGS.en} language="en" host={host} />);
    await click(view.container.querySelector('[data-testid="run-checks"]'));
    await settle();
    await click(view.container.querySelector('[data-testid="level-error"] [data-testid="finding"] button'));
    await settle();
    expect(host.state.selection?.paragraphIndex).toBe(1);
    expect(host.state.selection!.end).toBeGreaterThan(host.state.selection!.start);
  });

  it('says when the document changed under a finding', async () => {
    const host = createFakeDocumentHost({ paragraphs: DRAFT });
    view = await render(<ChecksPane t={STRINGS.en} language="en" host={host} />);
    await click(view.container.querySelector('[data-testid="run-checks"]'));
    await settle();
    host.state.paragraphs[1] = `${DRAFT[1]} 另行约定。`;
    await click(view.container.querySelector('[data-testid="level-error"] [data-testid="finding"] button'));
    await settle();
    expect(view.container.querySelector('[data-testid="checks-notice"]')?.textContent).toBe(
      STRINGS.en.staleFinding,
    );
    expect(host.state.selection).toBeNull();
  });

  it('accepts a finding with a reason and can reopen it', async () => {
    const host = createFakeDocumentHost({ paragraphs: DRAFT });
    view = await render(<ChecksPane t={STRINGS.en} language="en" host={host} userName="Li Lei" />);
    const q = (s: string) => view!.container.querySelector(s);
    await click(q('[data-testid="run-checks"]'));
    await settle();
    const finding = q('[data-testid="level-error"] [data-testid="finding"]');
    const rule = finding?.getAttribute('data-rule');
    await click(finding?.querySelector('[data-testid="accept"]'));
    await typeInto(q('[data-testid="accept-reason"]'), 'Figures confirmed by finance');
    await click(q('[data-testid="accept-confirm"]'));
    await settle();
    expect(q(`[data-testid="finding"][data-rule="${rule}"]`)).toBeNull();
    const accepted = q(`[data-testid="accepted-finding"][data-rule="${rule}"]`);
    expect(accepted?.textContent).toContain('Figures confirmed by finance');
    await click(accepted?.querySelector('[data-testid="reopen"]'));
    await settle();
    expect(q(`[data-testid="finding"][data-rule="${rule}"]`)).not.toBeNull();
    expect(q('[data-testid="accepted"]')).toBeNull();
  });

  it('offers comments only where Word supports them', async () => {
    const without = createFakeDocumentHost({ paragraphs: DRAFT, comments: false });
    view = await render(<ChecksPane t={STRINGS.en} language="en" host={without} />);
    await click(view.container.querySelector('[data-testid="run-checks"]'));
    await settle();
    expect(view.container.querySelector('[data-testid="comment"]')).toBeNull();
    view.unmount();

    const withComments = createFakeDocumentHost({ paragraphs: DRAFT, comments: true });
    view = await render(<ChecksPane t={STRINGS.en} language="en" host={withComments} />);
    await click(view.container.querySelector('[data-testid="run-checks"]'));
    await settle();
    await click(view.container.querySelector('[data-testid="level-error"] [data-testid="comment"]'));
    await settle();
    expect(withComments.state.comments).toHaveLength(1);
  });

  it('checks again when the document changes while typing, and stops when switched off', async () => {
    const host = createFakeDocumentHost({ paragraphs: DRAFT });
    view = await render(<ChecksPane t={STRINGS.en} language="en" host={host} debounceMs={5} />);
    const q = (s: string) => view!.container.querySelector(s);
    await click(q('[data-testid="run-checks"]'));
    await settle();
    expect(q('[data-testid="level-error"]')).not.toBeNull();
    // Typing the figures that match the words removes the error without pressing the button.
    host.type(1, DRAFT[1]!.replace('¥12,000', '¥10,000'));
    await new Promise((r) => setTimeout(r, 30));
    await settle();
    expect(q('[data-testid="level-error"]')).toBeNull();

    await click(q('[data-testid="as-you-type"]'));
    host.type(1, DRAFT[1]!);
    await new Promise((r) => setTimeout(r, 30));
    await settle();
    expect(q('[data-testid="level-error"]')).toBeNull();
  });

  it('re-checks right after an edit where Word reports paragraph changes, without the long pause', async () => {
    const host = createFakeDocumentHost({ paragraphs: DRAFT, changeEvents: 'paragraphs' });
    view = await render(<ChecksPane t={STRINGS.en} language="en" host={host} debounceMs={60_000} />);
    const q = (s: string) => view!.container.querySelector(s);
    await click(q('[data-testid="run-checks"]'));
    await settle();
    expect(q('[data-testid="level-error"]')).not.toBeNull();
    host.type(1, DRAFT[1]!.replace('¥12,000', '¥10,000'));
    await new Promise((r) => setTimeout(r, 300));
    await settle();
    expect(q('[data-testid="level-error"]')).toBeNull();
  });
});
