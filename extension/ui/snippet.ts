const ENTITIES: Record<string, string> = {
  '&lt;': '<',
  '&gt;': '>',
  '&amp;': '&',
  '&quot;': '"',
  '&#39;': "'",
};

export interface SnippetPart {
  text: string;
  mark: boolean;
}

/**
 * Reads a search snippet (HTML-escaped text, matches in `<mark>`) into plain-text parts, so it is shown
 * with React text nodes and never set as HTML.
 */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let mark = false;
  for (const piece of snippet.split(/(<\/?mark>)/)) {
    if (piece === '<mark>' || piece === '</mark>') {
      mark = piece === '<mark>';
      continue;
    }
    if (piece === '') continue;
    parts.push({ text: piece.replace(/&(?:lt|gt|amp|quot|#39);/g, (e) => ENTITIES[e] ?? e), mark });
  }
  return parts;
}
