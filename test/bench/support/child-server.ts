/**
 * The registry as users run it: `node bin/pactfile.mjs serve` in a process of its own, so its memory can be
 * read from /proc without the benchmark's own data and tooling in the figure.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../../bin/pactfile.mjs', import.meta.url));
const READY = /registry on (http:\/\/\S+)/;

export interface ChildServer {
  pid: number;
  url: string;
  stop(): Promise<void>;
}

export function spawnServe(dataDir: string, timeoutMs = 60_000): Promise<ChildServer> {
  const child: ChildProcess = spawn(process.execPath, [BIN, 'serve'], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: '',
      LOG_REQUESTS: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not start `pactfile serve`');
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`\`pactfile serve\` did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const url = READY.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ pid, url, stop });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`\`pactfile serve\` exited with ${code}:\n${output}`));
    });
  });
}

/** Resident and peak resident memory of a process, in bytes, from /proc/<pid>/status. */
export function processMemory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rss: kb('VmRSS') * 1024, peak: kb('VmHWM') * 1024 };
}

/** Processes started by `pid` (and theirs), with their resident memory: helpers a runtime may spawn. */
export function descendants(pid: number): { pid: number; name: string; rss: number }[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The name is in parentheses and may hold spaces; the parent id is the second field after it.
      const afterName = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(entry), Number(afterName[1]));
    } catch {
      // the process ended while we looked
    }
  }
  const found: { pid: number; name: string; rss: number }[] = [];
  const wanted = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [child, parent] of parents) {
      if (wanted.has(parent) && !wanted.has(child)) {
        wanted.add(child);
        grew = true;
        try {
          const name = readFileSync(`/proc/${child}/comm`, 'utf8').trim();
          found.push({ pid: child, name, rss: processMemory(child).rss });
        } catch {
          // ended meanwhile
        }
      }
    }
  }
  return found;
}
