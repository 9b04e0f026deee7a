import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Path of a file under test/fixtures/extract. */
export const fixturePath = (name: string): string =>
  fileURLToPath(new URL(`../../fixtures/extract/${name}`, import.meta.url));

/** Text of a fixture under test/fixtures/extract. */
export const fixture = (name: string): string => readFileSync(fixturePath(name), 'utf8');
