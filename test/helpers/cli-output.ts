import { afterEach, beforeEach, vi } from 'vitest';

export interface CliOutput {
  stdout: string;
  stderr: string;
  /** Both, in the order they were written. */
  all: string;
}

/**
 * Captures what `pactfile` commands print, in English whatever the machine's locale, and resets
 * the exit code around each test of the file that calls it.
 */
export function captureCliOutput(): CliOutput {
  const out: CliOutput = { stdout: '', stderr: '', all: '' };
  beforeEach(() => {
    out.stdout = '';
    out.stderr = '';
    out.all = '';
    process.exitCode = undefined;
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      const text = typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk);
      out.stdout += text;
      out.all += text;
      return true;
    });
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      const text = `${args.join(' ')}\n`;
      out.stderr += text;
      out.all += text;
    });
    vi.stubEnv('LANG', 'en_US.UTF-8');
    vi.stubEnv('LC_ALL', '');
    vi.stubEnv('LC_MESSAGES', '');
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
    process.exitCode = undefined;
  });
  return out;
}
