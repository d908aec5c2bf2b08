import { spawn, type ChildProcess } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createScratchSchema } from '@kuaibao/db';
import { REPO_ROOT } from '../../api/scripts/build-server';
import { processCpuMs } from './server-cpu';
import { sleep } from './stats';

/** The server as `npm start` runs it (built, with the start script's node flags and environment), in a child process. */
export interface BuiltServer {
  readonly url: string;
  /** The node process serving (not npm's): its memory and CPU are read from /proc. */
  readonly pid: number;
  readonly database: 'pglite' | 'postgres';
  /** Resident memory now (VmRSS), MB. */
  rssMb(): number;
  /** Highest resident memory so far (VmHWM), MB. */
  peakRssMb(): number;
  /** CPU time used so far (user + system), ms. */
  cpuMs(): number;
  /** Writes a V8 heap snapshot of the server (SIGUSR2, --heapsnapshot-signal) to `file`; returns its path. */
  heapSnapshot(file: string): Promise<string>;
  /** SIGTERM (the server shuts down cleanly), then removes its database. */
  stop(): Promise<void>;
}

/** Profiles the server through the inspector (node 20 refuses --cpu-prof in NODE_OPTIONS). */
const CPU_PROFILE_PRELOAD = path.join(import.meta.dirname, 'cpu-profile-preload.mjs');

function procStatusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith(`${field}:`));
  return Number(line?.split(/\s+/)[1] ?? NaN);
}

/** The node process npm's script became: the child of npm whose command line runs a dist/server bundle. */
function serverPid(npmPid: number): number | undefined {
  const children = readFileSync(`/proc/${npmPid}/task/${npmPid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  return children.find((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('dist/server/');
    } catch {
      return false;
    }
  });
}

/**
 * Starts `npm run <script>` (default `start`: builds dist/server, then runs node with the script's flags) on a free port,
 * with a fresh database: PostgreSQL (a scratch schema of DATABASE_URL) when DATABASE_URL is set, else PGlite in a
 * temporary data directory. Resolves once the server prints its address. Linux only (/proc).
 */
export async function startBuiltServer(options: { script?: string; env?: NodeJS.ProcessEnv; cpuProfileDir?: string } = {}): Promise<BuiltServer> {
  const { DATABASE_URL, NODE_OPTIONS: _nodeOptions, ...inherited } = process.env;
  const work = await mkdtemp(path.join(tmpdir(), 'kuaibao-built-server-'));
  const scratch = DATABASE_URL ? await createScratchSchema(DATABASE_URL, 'bench_built') : undefined;
  const database = scratch ? { DATABASE_URL, DATABASE_SCHEMA: scratch.schema } : { KUAIBAO_DATA_DIR: path.join(work, 'pglite') };
  const diagnostics = path.join(work, 'diagnostics');
  const child: ChildProcess = spawn('npm', ['run', options.script ?? 'start', '--silent'], {
    cwd: REPO_ROOT,
    env: {
      ...inherited,
      ...database,
      PORT: '0',
      HOST: '127.0.0.1',
      // A heap snapshot on demand; node writes it into diagnostics/ (the flag costs nothing until the signal).
      // With cpuProfileDir, a CPU profile of the server's whole life, written there when it exits.
      NODE_OPTIONS: `--heapsnapshot-signal=SIGUSR2 --diagnostic-dir=${diagnostics}${options.cpuProfileDir ? ` --import=${CPU_PROFILE_PRELOAD}` : ''}`,
      ...(options.cpuProfileDir && { KUAIBAO_CPU_PROFILE_DIR: path.resolve(options.cpuProfileDir) }),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const cleanup = async () => {
    await scratch?.drop().catch(() => undefined);
    await rm(work, { recursive: true, force: true });
  };
  let url: string;
  try {
    url = await new Promise<string>((resolve, reject) => {
      const lines = createInterface({ input: child.stdout! });
      lines.on('line', (line) => {
        const found = /started: (http:\/\/\S+)/.exec(line);
        if (found) resolve(found[1]!);
      });
      child.once('exit', (code) => reject(new Error(`npm run ${options.script ?? 'start'} exited (${code}) before serving`)));
    });
  } catch (error) {
    await cleanup();
    throw error;
  }
  child.stdout!.resume();
  const pid = serverPid(child.pid!);
  if (!pid) {
    child.kill('SIGTERM');
    await cleanup();
    throw new Error('the server process under npm was not found');
  }
  const exited = new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
  return {
    url,
    pid,
    database: scratch ? 'postgres' : 'pglite',
    rssMb: () => procStatusKb(pid, 'VmRSS') / 1024,
    peakRssMb: () => procStatusKb(pid, 'VmHWM') / 1024,
    cpuMs: () => processCpuMs(pid),
    async heapSnapshot(file) {
      // node writes into --diagnostic-dir but does not create it (a missing one ends the process)
      await mkdir(diagnostics, { recursive: true });
      const before = new Set(await readdir(diagnostics));
      process.kill(pid, 'SIGUSR2');
      // Written synchronously by the server: wait for a file that stops growing.
      let last = -1;
      for (;;) {
        await sleep(500);
        const written = (await readdir(diagnostics)).find((name) => name.endsWith('.heapsnapshot') && !before.has(name));
        if (!written) continue;
        const size = (await stat(path.join(diagnostics, written))).size;
        if (size > 0 && size === last) {
          await copyFile(path.join(diagnostics, written), file);
          return path.resolve(file);
        }
        last = size;
      }
    },
    async stop() {
      process.kill(pid, 'SIGTERM');
      await Promise.race([exited, sleep(15_000)]);
      if (child.exitCode === null) process.kill(pid, 'SIGKILL');
      await cleanup();
    },
  };
}
