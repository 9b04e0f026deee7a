import { movedLabel, selectShown, summaryLines, unchangedLabel } from '@shared/diff/render/messages';
import type { Redline, RedlineOp, RedlineParagraph } from '@shared/diff/types';
import { useState } from 'react';
import { type Language, translate } from '../i18n';

/** Paragraphs drawn at first; a long comparison shows the rest on request, so the page stays responsive. */
const FIRST_SHOWN = 200;

function Op({ op }: { op: RedlineOp }) {
  switch (op.op) {
    case 'equal':
      return <>{op.text}</>;
    case 'delete':
      return <del>{op.text}</del>;
    case 'insert':
      return <ins>{op.text}</ins>;
    case 'variable':
      return (
        <span className="var" title={`${op.name}: ${op.placeholder}`}>
          {op.text}
        </span>
      );
  }
}

function Paragraph({ p, lang }: { p: RedlineParagraph; lang: Language }) {
  return (
    <p className={`para ${p.kind}`} data-kind={p.kind}>
      {p.kind === 'moved' ? <span className="moved-label">{movedLabel(p, lang)} </span> : null}
      {p.ops.map((op, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the ops of a paragraph never reorder
        <Op key={i} op={op} />
      ))}
    </p>
  );
}

/**
 * A redline drawn with React elements (contract text is never read as HTML): its summary, then the
 * changed paragraphs with `context` unchanged ones around each.
 */
export function RedlineView({
  redline,
  lang,
  context = 2,
  showSummary = true,
}: {
  redline: Redline;
  lang: Language;
  context?: number;
  showSummary?: boolean;
}) {
  const [all, setAll] = useState(false);
  const shown = selectShown(redline.paragraphs, context);
  const visible = all ? shown : shown.slice(0, FIRST_SHOWN);
  return (
    <div className="redline">
      {showSummary ? (
        <div className="redline-summary" data-summary="">
          {summaryLines(redline.summary, lang).map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      ) : null}
      {visible.map((item, i) =>
        'hidden' in item ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: positions of one redline never reorder
          <p key={i} className="hidden-paras">
            {unchangedLabel(item.hidden, lang)}
          </p>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: positions of one redline never reorder
          <Paragraph key={i} p={item.paragraph} lang={lang} />
        ),
      )}
      {visible.length < shown.length ? (
        <button type="button" className="secondary" onClick={() => setAll(true)}>
          {translate(lang, 'showAllParagraphs', { count: String(shown.length - visible.length) })}
        </button>
      ) : null}
    </div>
  );
}
