/**
 * Word segmentation of long contracts (search index, diff, word tokens): the text handed to
 * Intl.Segmenter in one piece against `segments`, which hands it over line by line.
 */
import { segments } from '@shared/text/segment';

const LINE =
  '第{n}条 甲方应于2024年1月1日前向乙方支付人民币100,000元（大写：壹拾万元整）。本合同适用中华人民共和国法律。';

function contract(lines: number): string {
  return Array.from({ length: lines }, (_, n) => LINE.replace('{n}', String(n + 1))).join('\n');
}

function time(fn: () => number): { ms: number; count: number } {
  const start = performance.now();
  const count = fn();
  return { ms: performance.now() - start, count };
}

export async function run(): Promise<void> {
  const icu = new Intl.Segmenter('zh', { granularity: 'word' });
  console.log('lines  chars     one piece   in pieces   ratio');
  for (const lines of [250, 500, 1000, 2000, 5000]) {
    const text = contract(lines);
    const inPieces = time(() => {
      let n = 0;
      for (const _ of segments(text)) n++;
      return n;
    });
    // One piece grows much faster than the text; beyond ~70,000 characters it takes many seconds.
    const onePiece =
      text.length <= 70_000
        ? time(() => {
            let n = 0;
            for (const _ of icu.segment(text)) n++;
            return n;
          })
        : null;
    const ratio = onePiece ? `${(onePiece.ms / inPieces.ms).toFixed(0)}×` : '-';
    console.log(
      `${String(lines).padStart(5)}  ${String(text.length).padStart(7)}  ${
        onePiece ? `${onePiece.ms.toFixed(0).padStart(7)} ms` : '  skipped '
      }  ${inPieces.ms.toFixed(0).padStart(7)} ms  ${ratio.padStart(6)}`,
    );
  }
}
