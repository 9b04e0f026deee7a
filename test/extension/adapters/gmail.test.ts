import { describe, expect, it } from 'vitest';
import { gmailAdapter } from '../../../extension/adapters/gmail';
import { fixturePage } from '../fixture-page';

const THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTzKxLnbJ';

describe('the Gmail adapter', () => {
  it('matches Gmail addresses only', () => {
    expect(gmailAdapter.matches(new URL(THREAD))).toBe(true);
    expect(gmailAdapter.matches(new URL('https://mail.google.com.evil.example/mail/u/0/'))).toBe(false);
    expect(gmailAdapter.matches(new URL('https://docs.google.com/document/d/1'))).toBe(false);
  });

  it('reads the PDF and Word attachments of an open thread with their message metadata', () => {
    const { doc, url } = fixturePage('gmail-thread.html', THREAD);
    expect(gmailAdapter.detect(doc, url)).toBe(true);
    const { candidates, warnings } = gmailAdapter.extract(doc, url);
    expect(warnings).toEqual([]);
    expect(candidates.map((c) => c.fileName)).toEqual(['Supply Agreement 2024.pdf', '附件一 技术规格.docx']);
    const [pdf, docx] = candidates;
    expect(pdf).toMatchObject({
      sizeText: '245 KB',
      sizeBytes: 245 * 1024,
      sourceRef: 'gmail:18d6c3a1b2c3d4e5',
      subject: 'Supply agreement – signed copy 供货合同（签字版）',
      sender: { name: 'Li Wei', email: 'li.wei@supplier.example' },
      date: 'Tue, 5 Mar 2024, 10:42',
      mailbox: 'buyer@example.com',
      site: 'gmail',
      mediaType: 'application/pdf',
    });
    // The download_url attribute gives the download address (its URL part holds colons of its own).
    const pdfUrl = new URL(pdf?.fetch?.url ?? '');
    expect(pdfUrl.searchParams.get('attid')).toBe('0.1');
    expect(pdfUrl.searchParams.get('disp')).toBe('safe');
    expect(pdf?.fetch?.credentials).toBe('include');
    // Without download_url the card's link is used, turned from the viewer into a download.
    const docxUrl = new URL(docx?.fetch?.url ?? '');
    expect(docxUrl.origin).toBe('https://mail.google.com');
    expect(docxUrl.searchParams.get('attid')).toBe('0.2');
    expect(docxUrl.searchParams.get('disp')).toBe('safe');
    expect(docx?.sizeBytes).toBe(Math.round(1.2 * 1024 * 1024));
    expect(new Set(candidates.map((c) => c.key)).size).toBe(2);
  });

  it('falls back to attachment links when the cards changed, and says when attachments cannot be read', () => {
    const { doc, url } = fixturePage(
      'gmail-thread-cards-changed.html',
      'https://mail.google.com/mail/u/1/#inbox/FMfcgzQZTz',
    );
    const { candidates, warnings } = gmailAdapter.extract(doc, url);
    expect(candidates).toHaveLength(1);
    expect(candidates[0]).toMatchObject({
      fileName: '采购合同.pdf',
      mailbox: 'u/1',
      sourceRef: 'gmail:msg-f:1790000000000000009',
      sender: { name: '王芳', email: 'wang@vendor.example' },
      subject: '采购合同 盖章版',
    });
    expect(warnings.map((w) => w.code)).toEqual(['gmail.unreadable-attachments']);
    expect(warnings[0]?.zh).toContain('附件');
    expect(warnings[0]?.en).toContain('attachments');
  });

  it('says that no message is open on the inbox list instead of returning silently nothing', () => {
    const { doc, url } = fixturePage('gmail-inbox.html', 'https://mail.google.com/mail/u/0/#inbox');
    const result = gmailAdapter.extract(doc, url);
    expect(result.candidates).toEqual([]);
    expect(result.warnings.map((w) => w.code)).toEqual(['gmail.no-open-message']);
  });
});
