import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { PGLITE_INITDB_PARAMS } from './pglite-memory';

/**
 * A new, empty PostgreSQL cluster (initdb's output) as a data-directory tarball, made in a child process (ADR 0076).
 * PGlite 0.5 runs initdb in a second PGlite and a WebAssembly module of its own, then copies the result in as a
 * tarball: done inside the server, its first start peaked at ~820 MB of RSS (~290 MB when opening an existing
 * directory), and the memory stayed with the process. Every new database, in a directory or in memory, starts from
 * such a tarball instead. Not kept: a server makes at most two (its directory at the first start, the designer's dry
 * run's in-memory database), and the tarball is ~40 MB.
 */
export async function freshCluster(): Promise<Blob> {
  const dir = await mkdtemp(path.join(tmpdir(), 'kuaibao-pglite-cluster-'));
  const file = path.join(dir, 'cluster.tar');
  const dist = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  const script = [
    `const { PGlite } = await import(${JSON.stringify(pathToFileURL(path.join(dist, 'index.js')).href)});`,
    `const { readFile, writeFile } = await import('node:fs/promises');`,
    // compiled once here: initdb's own PGlite would compile pglite.wasm a second time
    `const [pgliteWasmModule, initdbWasmModule] = await Promise.all(['pglite.wasm', 'initdb.wasm'].map(async (name) => WebAssembly.compile(await readFile(${JSON.stringify(dist)} + '/' + name))));`,
    `const db = await PGlite.create({ pgliteWasmModule, initdbWasmModule, initDbStartParams: ${JSON.stringify(PGLITE_INITDB_PARAMS)} });`,
    `await writeFile(${JSON.stringify(file)}, new Uint8Array(await (await db.dumpDataDir('none')).arrayBuffer()));`,
    `await db.close();`,
  ].join('\n');
  try {
    await promisify(execFile)(process.execPath, ['--input-type=module', '--eval', script], { env: { ...process.env, NODE_OPTIONS: '' } });
    return new Blob([await readFile(file)]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
