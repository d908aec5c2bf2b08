import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root: children run from here so `--import tsx` and the workspaces resolve. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ChildEvent {
  event: string;
  [field: string]: unknown;
}

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A TypeScript child process that reports JSON lines on stdout. */
export interface JsonLinesChild {
  readonly pid: number;
  readonly events: ChildEvent[];
  readonly exited: Promise<ChildExit>;
  /** The first event, seen or still to come, that satisfies `match`; rejects when the child exits first or time runs out. */
  waitFor(match: (event: ChildEvent, all: ChildEvent[]) => boolean, timeoutMs?: number): Promise<ChildEvent>;
  kill(signal: NodeJS.Signals): void;
  stderr(): string;
}

export interface SpawnOptions {
  args?: string[];
  env?: Record<string, string>;
  /** Node flags before the script, e.g. `--expose-gc`. */
  nodeFlags?: string[];
}

/** Runs `node [flags] --import tsx <script> [args]` from the repository root. */
export function spawnTsx(script: string, { args = [], env = {}, nodeFlags = [] }: SpawnOptions = {}): JsonLinesChild {
  const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', script, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const events: ChildEvent[] = [];
  const waiters = new Set<(event: ChildEvent | null) => void>();
  let stdoutRest = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (stdoutRest + chunk).split('\n');
    stdoutRest = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.trim()) continue;
      let event: ChildEvent;
      try {
        event = JSON.parse(line) as ChildEvent;
      } catch {
        event = { event: 'text', text: line };
      }
      events.push(event);
      for (const waiter of waiters) waiter(event);
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<ChildExit>((resolve) => {
    child.on('exit', (code, signal) => {
      for (const waiter of waiters) waiter(null);
      resolve({ code, signal });
    });
  });

  return {
    pid: child.pid!,
    events,
    exited,
    waitFor(match, timeoutMs = 60_000) {
      const seen = events.find((e) => match(e, events));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => done(new Error(`No matching event within ${timeoutMs} ms`)), timeoutMs);
        const waiter = (event: ChildEvent | null) => {
          if (event === null) done(new Error(`The child exited before a matching event; stderr: ${stderr.slice(-2_000)}`));
          else if (match(event, events)) done(event);
        };
        const done = (result: ChildEvent | Error) => {
          clearTimeout(timer);
          waiters.delete(waiter);
          if (result instanceof Error) reject(result);
          else resolve(result);
        };
        waiters.add(waiter);
      });
    },
    kill: (signal) => void child.kill(signal),
    stderr: () => stderr,
  };
}
