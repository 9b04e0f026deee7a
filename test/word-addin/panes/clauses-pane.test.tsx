// @vitest-environment jsdom
import { fillBody } from '@shared/clauses/variables';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { STRINGS } from '../../../word-addin/i18n/strings';
import { createFakeDocumentHost } from '../../../word-addin/office/fake-document-host';
import { ClausesPane } from '../../../word-addin/panes/ClausesPane';
import { filledClause } from '../../../word-addin/state/clause-form';
import { loadClauseLibrary } from '../../../word-addin/state/clause-library';
import { memoryCopies } from '../../../word-addin/state/offline-copies';
import { click, type Rendered, render, settle, typeInto } from './render';

let view: Rendered | null = null;
afterEach(() => view?.unmount());

const $ = (sel: string) => view?.container.querySelector(sel) ?? null;

async function chooseOption(sel: string, value: string): Promise<void> {
  const el = $(sel);
  if (!(el instanceof HTMLSelectElement)) throw new Error(`not a select: ${sel}`);
  await act(async () => {
    el.value = value;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

async function submitForm(): Promise<void> {
  const form = $('[data-testid="clause-form"]');
  if (!(form instanceof HTMLFormElement)) throw new Error('no form');
  await act(async () => {
    form.requestSubmit();
  });
  await settle();
}

describe('the Clauses pane', () => {
  it('filters the library, inserts a clause at the cursor and lists it as in the document', async () => {
    const host = createFakeDocumentHost({ paragraphs: ['合同', '第一条'] });
    host.state.selection = { paragraphIndex: 0, start: 2, end: 2 };
    view = await render(<ClausesPane t={STRINGS.zh} language="zh" host={host} />);
    await settle();
    expect($('[data-testid="library-origin"]')?.textContent).toBe(STRINGS.zh.libraryOrigin.starter);
    const all = view.container.querySelectorAll('[data-testid="library-clause"]').length;
    expect(all).toBeGreaterThan(1);
    await typeInto($('[data-testid="clause-query"]'), '保密');
    const shown = view.container.querySelectorAll('[data-testid="library-clause"]');
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(all);
    const id = shown[0]?.getAttribute('data-clause');
    await click(shown[0]?.querySelector('button'));
    expect($('[data-testid="clause-guidance"]')?.textContent).toContain(STRINGS.zh.guidance);
    await submitForm();
    expect(host.state.paragraphs[0]).toBe('合同');
    expect(host.state.paragraphs.length).toBeGreaterThan(2);
    expect(host.state.paragraphs.at(-1)).toBe('第一条');
    expect(host.state.clauses.map((c) => c.tag)).toEqual([
      expect.stringMatching(new RegExp(`^pactfile:clause:${id}@\\d+$`)),
    ]);
    const listed = view.container.querySelectorAll('[data-testid="clause-in-document"]');
    expect(listed).toHaveLength(1);
    expect(listed[0]?.textContent).toContain(id);
    expect($('[data-testid="clause-form"]')).toBeNull();
  });

  it('fills typed variables before inserting, refusing a value that breaks its type', async () => {
    const host = createFakeDocumentHost({ paragraphs: ['合同'] });
    view = await render(<ClausesPane t={STRINGS.en} language="en" host={host} />);
    await settle();
    await click($('[data-testid="insert-zh.payment"]'));
    expect($('[data-testid="left-as-placeholders"]')?.textContent).toContain('Contract price');
    await typeInto($('[data-testid="input-contractPrice"]'), '12,000.505');
    await typeInto($('[data-testid="input-vatRate"]'), '30');
    await submitForm();
    expect(host.state.clauses).toHaveLength(0);
    expect($('[data-testid="field-contractPrice"]')?.textContent).toContain('decimals');
    expect($('[data-testid="field-vatRate"]')?.textContent).toContain('at most 17');

    await typeInto($('[data-testid="input-contractPrice"]'), '12,000.50');
    await chooseOption('[data-testid="currency-contractPrice"]', 'USD');
    await typeInto($('[data-testid="input-vatRate"]'), '9');
    await typeInto($('[data-testid="input-accountName"]'), '示例供应有限公司');
    await submitForm();
    const text = host.state.paragraphs.slice(1).join('\n');
    expect(text).toContain('美元');
    expect(text).toContain('12,000.50');
    expect(text).toContain('税率 9%');
    expect(text).toContain('户名：示例供应有限公司');
    expect(text).toContain('{{bankName}}');
    expect(host.state.clauses[0]?.tag).toBe('pactfile:clause:zh.payment@2');
  });

  it('shows the positions with their notes and inserts the chosen one', async () => {
    const host = createFakeDocumentHost({ paragraphs: [] });
    view = await render(<ClausesPane t={STRINGS.en} language="en" host={host} />);
    await settle();
    await click($('[data-testid="insert-en.payment"]'));
    const positions = [...view.container.querySelectorAll('[data-testid="body-choice"] input')].map(
      (r) => (r as HTMLInputElement).value,
    );
    expect(positions).toEqual(['standard', 'preferred', 'fallback', 'walkAway']);
    await click($('[data-testid="body-choice"] input[value="fallback"]'));
    const clause = (await loadClauseLibrary('en')).find((c) => c.id === 'en.payment')!;
    expect($('[data-testid="position-note"]')?.textContent).toBe(
      typeof clause.positions?.fallback?.note === 'string'
        ? clause.positions.fallback.note
        : clause.positions?.fallback?.note.en,
    );
    await submitForm();
    expect(host.state.paragraphs.join('\n')).toBe(
      fillBody(clause.positions!.fallback!.body, clause.variables, {}, 'en').text,
    );
    expect(host.state.clauses[0]?.tag).toBe('pactfile:clause:en.payment@1#fallback');
    const listed = $('[data-testid="clause-position"]');
    expect(listed?.getAttribute('data-position')).toBe('fallback');
    expect(listed?.textContent).toBe('en.payment · v1 · Fallback position');
  });

  it('updates a clause whose library version is newer, keeping the filled values', async () => {
    const payment = (await loadClauseLibrary('zh-CN')).find((c) => c.id === 'zh.payment')!;
    const v1 = payment.history.find((h) => h.version === 1)!.body;
    const { text } = fillBody(v1, payment.variables, { paymentDays: 60 }, 'zh-CN');
    const host = createFakeDocumentHost({ paragraphs: ['采购合同'] });
    await host.insertClause({ clauseId: 'zh.payment', version: 1, title: '付款', text });
    view = await render(<ClausesPane t={STRINGS.zh} language="zh" host={host} />);
    await settle();
    expect($('[data-testid="clause-in-document"]')?.textContent).toContain('有新版本 v2');
    await click($('[data-testid="update-clause"]'));
    await settle();
    expect(host.state.clauses[0]?.tag).toBe('pactfile:clause:zh.payment@2');
    expect(host.state.paragraphs.join('\n')).toContain('后 60 日内');
    expect($('[data-testid="update-clause"]')).toBeNull();
    expect($('[data-testid="clauses-notice"]')?.textContent).toBe(STRINGS.zh.updated(2));
  });

  /** The fallback position of version 1 of the payment clause, 60 days filled in. */
  async function documentWithFallbackOfVersion1() {
    const payment = (await loadClauseLibrary('zh-CN')).find((c) => c.id === 'zh.payment')!;
    const host = createFakeDocumentHost({ paragraphs: ['采购合同'] });
    await host.insertClause({ ...filledClause(payment, { paymentDays: 60 }, 'fallback'), version: 1 });
    return { host, payment };
  }

  it('updates a fallback position to the fallback of the newer version', async () => {
    const { host } = await documentWithFallbackOfVersion1();
    view = await render(<ClausesPane t={STRINGS.zh} language="zh" host={host} />);
    await settle();
    expect($('[data-testid="clause-position"]')?.textContent).toBe('zh.payment · v1 · 退让立场');
    expect($('[data-testid="position-gone"]')).toBeNull();
    await click($('[data-testid="update-clause"]'));
    await settle();
    expect(host.state.clauses[0]?.tag).toBe('pactfile:clause:zh.payment@2#fallback');
    expect(host.state.paragraphs.join('\n')).toContain('后 60 日内付款');
    expect($('[data-testid="clause-position"]')?.textContent).toBe('zh.payment · v2 · 退让立场');
    expect($('[data-testid="clauses-notice"]')?.textContent).toBe(STRINGS.zh.updated(2));
  });

  it('says when the newer version has no such position any more and offers its standard text', async () => {
    const { host, payment } = await documentWithFallbackOfVersion1();
    // The library kept offline has a version 2 without the fallback position.
    const { fallback: _, ...others } = payment.positions ?? {};
    const library = (await loadClauseLibrary('zh-CN')).map((c) =>
      c.id === 'zh.payment' ? { ...c, positions: others } : c,
    );
    const copies = memoryCopies();
    await copies.put('pactfile.word.clauses.zh-CN', library);
    view = await render(<ClausesPane t={STRINGS.en} language="en" host={host} source={{ copies }} />);
    await settle();
    expect($('[data-testid="position-gone"]')?.textContent).toBe(
      'v2 no longer offers the fallback position.',
    );
    expect($('[data-testid="update-clause"]')).toBeNull();
    const before = host.state.paragraphs.join('\n');
    expect(before).not.toContain('税率');
    await click($('[data-testid="update-to-standard"]'));
    await settle();
    expect(host.state.clauses[0]?.tag).toBe('pactfile:clause:zh.payment@2');
    expect(host.state.paragraphs.join('\n')).toContain('税率 13%');
    expect($('[data-testid="clause-position"]')?.getAttribute('data-position')).toBe('standard');
    expect($('[data-testid="clauses-notice"]')?.textContent).toBe(STRINGS.en.updatedToStandard(2));
  });
});
