import { describe, expect, it } from 'vitest';
import { findDocuments } from '../../../extension/adapters';
import { bestsignAdapter, esignCnAdapter, fadadaAdapter } from '../../../extension/adapters/portal';
import { fixturePage } from '../fixture-page';

describe('the e-signature portal adapters', () => {
  it('match their own domains only', () => {
    expect(esignCnAdapter.matches(new URL('https://smlt.esign.cn/flows/abc'))).toBe(true);
    expect(esignCnAdapter.matches(new URL('https://esign.cn.evil.example/'))).toBe(false);
    expect(esignCnAdapter.matches(new URL('https://notesign.cn/'))).toBe(false);
    expect(bestsignAdapter.matches(new URL('https://ent.bestsign.cn/'))).toBe(true);
    expect(fadadaAdapter.matches(new URL('http://www.fadada.com/'))).toBe(false);
  });

  it('read an e签宝 flow: the id from the hash route, the document on the portal, not the one elsewhere', () => {
    const { doc, url } = fixturePage(
      'esign-flow.html',
      'https://smlt.esign.cn/#/flow/detail?flowId=ab12cd34ef56',
    );
    expect(esignCnAdapter.detect(doc, url)).toBe(true);
    const { candidates, warnings } = esignCnAdapter.extract(doc, url);
    expect(candidates).toHaveLength(1);
    expect(candidates[0]).toMatchObject({
      fileName: '技术服务合同.pdf',
      sourceRef: 'esign-cn:ab12cd34ef56',
      subject: '技术服务合同（2024年度）',
      site: 'esign-cn',
    });
    expect(new URL(candidates[0]?.fetch?.url ?? '').hostname).toBe('smlt.esign.cn');
    expect(warnings.map((w) => w.code)).toEqual(['esign-cn.foreign-link']);
    expect(warnings[0]?.zh).toContain('报价单.pdf');
    // The rejected link does not come back through the generic reader.
    expect(findDocuments(doc, url).candidates.map((c) => c.fileName)).toEqual(['技术服务合同.pdf']);
  });

  it('say so when a 上上签 contract page offers only a download button', () => {
    const { doc, url } = fixturePage(
      'bestsign-contract.html',
      'https://ent.bestsign.cn/contract/detail/2933015',
    );
    const result = findDocuments(doc, url);
    expect(result.adapterId).toBe('bestsign');
    expect(result.candidates).toEqual([]);
    expect(result.warnings.map((w) => w.code)).toEqual(['bestsign.no-documents']);
    expect(result.warnings[0]?.zh).toContain('上上签');
  });
});

describe('findDocuments', () => {
  it('uses the site adapter for the site and adds links to documents elsewhere', () => {
    const { doc, url } = fixturePage('gmail-thread.html', 'https://mail.google.com/mail/u/0/#inbox/x');
    const link = doc.createElement('a');
    link.href = 'https://files.partner.example/contracts/Annex%20B.docx';
    link.textContent = 'Annex B';
    doc.querySelector('.a3s')?.append(link);
    const result = findDocuments(doc, url);
    expect(result.adapterId).toBe('gmail');
    expect(result.candidates.map((c) => [c.fileName, c.site])).toEqual([
      ['Supply Agreement 2024.pdf', 'gmail'],
      ['附件一 技术规格.docx', 'gmail'],
      ['Annex B.docx', 'web'],
    ]);
  });

  it('falls back to the generic reader on other pages, and reports nothing found plainly', () => {
    const generic = fixturePage('generic-page.html', 'https://procurement.example/tenders/42');
    expect(findDocuments(generic.doc, generic.url).adapterId).toBe('generic');
    const empty = fixturePage('gmail-inbox.html', 'https://example.com/');
    expect(findDocuments(empty.doc, empty.url)).toEqual({ adapterId: 'none', candidates: [], warnings: [] });
  });
});
