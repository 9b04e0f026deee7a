import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

/** A fixture page loaded at the address it imitates. */
export function fixturePage(name: string, url: string): { doc: Document; url: URL } {
  const html = readFileSync(new URL(`../fixtures/extension/${name}`, import.meta.url), 'utf8');
  return { doc: new JSDOM(html, { url }).window.document, url: new URL(url) };
}
