import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/** Where a test builds the server bundle: inside the checkout, as dist/server is (the bundle imports its packages from node_modules). */
export const bundleDir = (name: string) => path.join(root, 'dist', `${name}-${process.pid}`);

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** What `npm start` runs, the built server (ADR 0018) in `outdir`, as a child process; resolves once it serves. */
export function startChild(outdir: string, env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const main = path.join(outdir, 'main.mjs');
  const child = spawn(process.execPath, ['--enable-source-maps', main], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const onData = (data: Buffer) => {
      output += data.toString();
      if (output.includes('已启动')) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

export async function kill9(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return; // already gone (a killed child has no exit code)
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}
