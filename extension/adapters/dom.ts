/** Small readers over the DOM shared by adapters. They only read. */

/** Text content with runs of white space folded, or null when empty. */
export function textOf(el: Element | null | undefined): string | null {
  const t = el?.textContent?.replace(/\s+/g, ' ').trim();
  return t ? t : null;
}

/** The first element matching any of the selectors, tried in order (selectors are clues that change). */
export function firstOf(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const s of selectors) {
    const el = root.querySelector(s);
    if (el) return el;
  }
  return null;
}

/** Every element matching the first selector that matches anything. */
export function allOf(root: ParentNode, selectors: readonly string[]): Element[] {
  for (const s of selectors) {
    const found = [...root.querySelectorAll(s)];
    if (found.length > 0) return found;
  }
  return [];
}

/** An absolute http(s) URL from an attribute value, or null. */
export function absoluteUrl(href: string | null | undefined, base: URL): URL | null {
  if (!href) return null;
  try {
    const u = new URL(href, base);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u : null;
  } catch {
    return null;
  }
}

export function candidateKey(parts: readonly (string | null)[]): string {
  return parts.map((p) => p ?? '').join('|');
}
