import { readFileSync } from 'node:fs';

/** Reads a file of test/fixtures/clauses (see its ATTRIBUTION.md). */
export function fixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/clauses/${name}`, import.meta.url), 'utf8');
}
