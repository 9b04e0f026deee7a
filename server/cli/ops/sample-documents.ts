/**
 * Small but valid contract documents generated in memory: a DOCX (a zip of three XML parts) and a
 * PDF with a real text layer, written object by object. Used for the demo data set; the output is
 * the same bytes for the same text.
 */
import { strToU8, zipSync } from 'fflate';

export type DocParagraph = string | { text: string; style: 'title' | 'heading' };

const textOf = (p: DocParagraph) => (typeof p === 'string' ? p : p.text);

const xmlEscape = (s: string) =>
  s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] ?? c);

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;

const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

function docxParagraph(p: DocParagraph): string {
  const text = `<w:t xml:space="preserve">${xmlEscape(textOf(p))}</w:t>`;
  if (typeof p === 'string') return `<w:p><w:r>${text}</w:r></w:p>`;
  const size = p.style === 'title' ? 36 : 26;
  const align = p.style === 'title' ? '<w:jc w:val="center"/>' : '';
  return `<w:p><w:pPr>${align}<w:spacing w:before="240" w:after="120"/></w:pPr><w:r><w:rPr><w:b/><w:sz w:val="${size}"/></w:rPr>${text}</w:r></w:p>`;
}

/** A minimal Word document with the given paragraphs (any script: Word supplies the fonts). */
export function makeDocx(paragraphs: DocParagraph[]): Uint8Array {
  const body = paragraphs.map(docxParagraph).join('');
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr></w:body></w:document>`;
  // A fixed timestamp keeps the bytes, and so the SHA-256, the same for the same text.
  const mtime = new Date(Date.UTC(2024, 0, 1));
  return zipSync(
    {
      '[Content_Types].xml': [strToU8(CONTENT_TYPES), { mtime }],
      '_rels/.rels': [strToU8(ROOT_RELS), { mtime }],
      'word/document.xml': [strToU8(document), { mtime }],
    },
    { level: 6 },
  );
}

/** WinAnsi codes of the typographic characters outside Latin-1 that contracts use. */
const WIN_ANSI_EXTRA: Record<string, number> = {
  '€': 0x80,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
};

/** A PDF string literal in WinAnsi encoding; characters it cannot hold become `?`. */
function pdfString(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0x3f;
    if (ch === '(' || ch === ')' || ch === '\\') out += `\\${ch}`;
    else if (code >= 0x20 && code < 0x7f) out += ch;
    else {
      const ansi = WIN_ANSI_EXTRA[ch] ?? (code >= 0xa0 && code <= 0xff ? code : 0x3f);
      out += `\\${ansi.toString(8).padStart(3, '0')}`;
    }
  }
  return `(${out})`;
}

/** Greedy word wrap to a number of characters (Helvetica at 10.5 pt fits about 90 on an A4 line). */
function wrap(text: string, width: number): string[] {
  if (text.length <= width) return [text];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

const PAGE = { width: 595, height: 842, margin: 64, leading: 15, size: 10.5, columns: 90 };

/**
 * A PDF whose text can be selected and extracted (Helvetica, Latin script). An empty paragraph
 * list gives a blank page, like a scan without a text layer.
 */
export function makePdf(paragraphs: DocParagraph[]): Uint8Array {
  const lines: { text: string; bold: boolean }[] = [];
  for (const p of paragraphs) {
    const bold = typeof p !== 'string';
    for (const l of wrap(textOf(p), PAGE.columns)) lines.push({ text: l, bold });
    lines.push({ text: '', bold: false });
  }
  const perPage = Math.floor((PAGE.height - 2 * PAGE.margin) / PAGE.leading);
  const pages: (typeof lines)[] = [];
  for (let i = 0; i < lines.length; i += perPage) pages.push(lines.slice(i, i + perPage));
  if (pages.length === 0) pages.push([]);

  // Objects: 1 catalog, 2 page tree, 3 Helvetica, 4 Helvetica-Bold, then a page and its content per page.
  const objects: string[] = [];
  const kids = pages.map((_, i) => `${5 + 2 * i} 0 R`).join(' ');
  objects.push('<< /Type /Catalog /Pages 2 0 R >>');
  objects.push(`<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`);
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
  for (const [i, page] of pages.entries()) {
    const ops = ['BT', `${PAGE.leading} TL`, `${PAGE.margin} ${PAGE.height - PAGE.margin} Td`];
    let bold: boolean | null = null;
    for (const line of page) {
      if (line.bold !== bold) {
        ops.push(`/${line.bold ? 'F2' : 'F1'} ${PAGE.size} Tf`);
        bold = line.bold;
      }
      ops.push(line.text ? `${pdfString(line.text)} Tj T*` : 'T*');
    }
    ops.push('ET');
    const content = ops.join('\n');
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE.width} ${PAGE.height}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${6 + 2 * i} 0 R >>`,
    );
    objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  }

  // Everything written is ASCII, so string lengths are byte offsets.
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (const [i, body] of objects.entries()) {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  }
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return strToU8(out);
}
