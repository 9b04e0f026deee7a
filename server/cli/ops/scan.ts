/** The documents of an import folder, and how a ledger's file references are found among them. */
import { existsSync, statSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { type LocalizedText, msg } from './messages';

const IMPORTED_EXTENSIONS = /\.(pdf|docx)$/i;

/** Office lock files (`~$合同.docx`) and hidden files are never documents. */
const isNoise = (name: string) => name.startsWith('.') || name.startsWith('~$');

export interface ScannedFolder {
  /** PDF and DOCX files, as paths relative to the folder with `/` separators, sorted. */
  files: string[];
  /** Other files that were passed over. */
  ignored: number;
}

/** Walks the folder recursively (symbolic links to directories are not followed, so no loops). */
export async function scanFolder(root: string): Promise<ScannedFolder> {
  const files: string[] = [];
  let ignored = 0;
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const e of entries) {
      const path = join(dir, e.name);
      if (isNoise(e.name)) continue;
      if (e.isDirectory()) {
        await walk(path);
        continue;
      }
      const isFile = e.isFile() || (e.isSymbolicLink() && (await stat(path).catch(() => null))?.isFile());
      if (!isFile) continue;
      if (IMPORTED_EXTENSIONS.test(e.name)) files.push(toPosix(relative(root, path)));
      else ignored++;
    }
  };
  await walk(root);
  files.sort((a, b) => a.localeCompare(b));
  return { files, ignored };
}

const toPosix = (p: string) => p.split(sep).join('/');
const baseName = (p: string) => (p.split('/').pop() ?? p).normalize('NFC').toLowerCase();
const stem = (p: string) => baseName(p).replace(/\.[^.]+$/, '');

export type Resolved = { ok: true; path: string } | { ok: false; error: LocalizedText };

/**
 * Finds the file a ledger names: the path relative to the folder, else the one scanned file of
 * that name, with or without its extension.
 */
export class FileResolver {
  private readonly byName = new Map<string, string[]>();
  private readonly byStem = new Map<string, string[]>();

  constructor(
    private readonly root: string,
    scanned: string[],
  ) {
    for (const f of scanned) {
      this.byName.set(baseName(f), [...(this.byName.get(baseName(f)) ?? []), f]);
      this.byStem.set(stem(f), [...(this.byStem.get(stem(f)) ?? []), f]);
    }
  }

  resolve(reference: string): Resolved {
    const ref = reference.replace(/\\/g, '/').replace(/^\.\//, '').trim();
    const full = resolve(this.root, ref);
    const rel = relative(this.root, full);
    const inside = rel !== '' && !isAbsolute(rel) && !rel.startsWith('..');
    if (inside && existsSync(full) && statSync(full).isFile()) return { ok: true, path: toPosix(rel) };
    // Ledgers hold bare names, or paths on the old file server (D:\合同\2023\…): only the name is
    // looked up, and only among the scanned files, so a reference never reaches outside the folder.
    const named = this.byName.get(baseName(ref)) ?? this.byStem.get(baseName(ref)) ?? [];
    if (named.length === 1 && named[0]) return { ok: true, path: named[0] };
    if (named.length > 1) {
      return {
        ok: false,
        error: msg(
          `文件 ${reference} 有多个同名文件（${named.join('、')}），请写明相对路径`,
          `several files are named ${reference} (${named.join(', ')}): give the relative path`,
        ),
      };
    }
    return { ok: false, error: msg(`找不到文件 ${reference}`, `the file ${reference} is missing`) };
  }
}
