import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { type Config, loadConfig } from '../../../server/config';
import { openRegistry, type Registry } from '../../../server/registry';

/** A scratch directory removed after the test. */
export function scratchDir(prefix = 'pactfile-cli-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface TestRegistry {
  registry: Registry;
  config: Config;
  close(): Promise<void>;
}

/** A registry on SQLite in its own data directory. */
export async function openTestRegistry(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<TestRegistry> {
  const config = loadConfig({ DATA_DIR: dataDir, ...env });
  const registry = await openRegistry(config);
  return { registry, config, close: () => registry.close() };
}

/** Writes files (creating folders) under a root. */
export function writeTree(root: string, files: Record<string, Uint8Array | string>): void {
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
}

/** A UTF-8 CSV with a BOM, as Excel's "CSV UTF-8" saves it. */
export const utf8Csv = (lines: string[]): Uint8Array =>
  new Uint8Array(
    Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]),
  );
