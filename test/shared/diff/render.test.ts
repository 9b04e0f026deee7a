import { diffClause, diffTexts } from '@shared/diff/redline';
import { escapeHtml, renderHtml } from '@shared/diff/render/html';
import { renderTerminal } from '@shared/diff/render/terminal';
import { describe, expect, it } from 'vitest';

const OLD = [
  'Intro paragraph stays.',
  'The Buyer shall pay within 30 days.',
  'Second stable paragraph.',
  'Notices must be in writing.',
  'Tail paragraph stays.',
].join('\n');
const NEW = [
  'Intro paragraph stays.',
  'The Buyer shall pay within 45 days.',
  'Second stable paragraph.',
  'Tail paragraph stays.',
  'Notices must be in writing.',
  'A new clause on audits.',
].join('\n');

const ESC = '\u001b[';

describe('terminal renderer', () => {
  const redline = diffTexts(OLD, NEW);

  it('marks changes without colour in wdiff style, with moves and a summary', () => {
    const out = renderTerminal(redline, { color: false, context: Number.POSITIVE_INFINITY });
    expect(out).not.toContain(ESC);
    expect(out).toContain('~ The Buyer shall pay within [-30-]{+45+} days.');
    expect(out).toContain('> (moved from ¶4 to ¶5) Notices must be in writing.');
    expect(out).toContain('+ {+A new clause on audits.+}');
    expect(out).toContain('  Intro paragraph stays.');
    expect(out).toMatch(/Paragraphs: 1 changed, 1 inserted, 0 deleted, 1 moved, 3 unchanged/);
  });

  it('uses red strike-through and green underline in colour', () => {
    const out = renderTerminal(redline, { color: true });
    expect(out).toContain(`${ESC}31m${ESC}9m30${ESC}0m`);
    expect(out).toContain(`${ESC}32m${ESC}4m45${ESC}0m`);
    expect(out).not.toContain('[-');
  });

  it('collapses unchanged paragraphs far from any change', () => {
    const long = Array.from({ length: 20 }, (_, i) => `Unchanged paragraph number ${i}.`);
    const edited = [...long];
    edited[10] = 'Unchanged paragraph number 10, now edited.';
    const out = renderTerminal(diffTexts(long.join('\n'), edited.join('\n')), { context: 1 });
    expect(out).toContain('… 9 unchanged paragraphs …');
    expect(out).toContain('  Unchanged paragraph number 9.');
    expect(out).not.toContain('number 8.');
  });

  it('speaks Chinese, and shows filled variables', () => {
    const out = renderTerminal(diffClause('甲方应当向{{seller}}付款。', '甲方应当向乙公司付款，不得迟延。'), {
      language: 'zh-CN',
      context: Number.POSITIVE_INFINITY,
    });
    expect(out).toContain('{{seller=乙公司}}');
    expect(out).toContain('{+，不得迟延+}');
    expect(out).toContain('段落：改动 1，新增 0，删除 0，移动 0');
    expect(out).toContain('已填写变量 1');
  });
});

describe('HTML renderer', () => {
  it('writes a self-contained page with <del> and <ins>', () => {
    const page = renderHtml(diffTexts(OLD, NEW), { language: 'en', oldName: 'v1.txt', newName: 'v2.txt' });
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('<del>30</del><ins>45</ins>');
    expect(page).toContain('<p class="para inserted"><ins>A new clause on audits.</ins></p>');
    expect(page).toContain('class="para moved"');
    expect(page).toContain('v1.txt → v2.txt');
    expect(page).not.toMatch(/<script|<link|src=/);
  });

  it('escapes contract text and variable names', () => {
    const page = renderHtml(
      diffClause('Pay {{amount}} & <b>now</b>.', 'Pay "USD 5" & <script>alert(1)</script> now.'),
      { language: 'zh-CN', title: 'A <title> & more' },
    );
    expect(page).not.toContain('<script>');
    expect(page).toContain('&lt;<del>b</del><ins>script</ins>&gt;<del>now</del><ins>alert(1)</ins>&lt;/');
    expect(page).toContain('<title>A &lt;title&gt; &amp; more</title>');
    expect(page).toContain('<html lang="zh-CN">');
    expect(page).toContain('class="var" title="amount: {{amount}}">&quot;USD 5&quot;</span>');
    expect(escapeHtml(`'"<>&`)).toBe('&#39;&quot;&lt;&gt;&amp;');
  });
});
