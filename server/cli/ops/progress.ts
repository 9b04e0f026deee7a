import cliProgress from 'cli-progress';

/**
 * Progress of a long command: a bar on a terminal; when the output is a file or pipe, one plain
 * line per item (or nothing, with `lines: false`).
 */
export interface Progress {
  start(total: number): void;
  /** One item finished; `line` describes it. */
  advance(done: number, line: string): void;
  stop(): void;
}

const MAX_LABEL = 60;
const shorten = (s: string) => ([...s].length > MAX_LABEL ? `…${[...s].slice(-MAX_LABEL + 1).join('')}` : s);

export function createProgress(
  stream: NodeJS.WriteStream = process.stdout,
  options: { lines?: boolean } = {},
): Progress {
  if (!stream.isTTY) {
    const lines = options.lines ?? true;
    let total = 0;
    return {
      start: (n) => {
        total = n;
      },
      advance: (done, line) => {
        if (lines) stream.write(`[${done}/${total}] ${line}\n`);
      },
      stop: () => {},
    };
  }
  const bar = new cliProgress.SingleBar(
    { stream, format: '{bar} {value}/{total}  {item}', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let running = false;
  return {
    start: (n) => {
      bar.start(n, 0, { item: '' });
      running = true;
    },
    advance: (done, line) => bar.update(done, { item: shorten(line) }),
    stop: () => {
      if (running) bar.stop();
      running = false;
    },
  };
}
