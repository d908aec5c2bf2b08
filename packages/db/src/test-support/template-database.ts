import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openMemoryPGlite, type PGliteStart, type PrismaClient } from '../client';
import { readMigrations } from '../migrate';
import { PGLITE_INITDB_PARAMS } from '../pglite-memory';

/**
 * What a test database starts with beyond the migrations: seeded once into a template, which every test
 * database is then a copy of (issue 16 item 5: a fresh PGlite, its migrations and the demo data were most of
 * a flow test's time). `name` keys the cached template with the migrations, the seed sources and `sources`.
 */
export interface TestTemplate {
  name: string;
  seed(prisma: PrismaClient): Promise<unknown>;
  /** Files (absolute paths) whose change must rebuild the template, besides packages/db's migrations and seeds. */
  sources?: string[];
}

const SEED_DIR = fileURLToPath(new URL('../seed', import.meta.url));
const CACHE_DIR = path.join(tmpdir(), 'kuaibao-test-templates');
const pgliteDist = () => path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));

/** The global WebAssembly (this package's TypeScript libraries do not declare it). */
const wasmCompiler = (globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<NonNullable<PGliteStart['pgliteWasmModule']>> } }).WebAssembly;

const dumps = new Map<string, Promise<Blob>>();
let engine: Promise<Required<Omit<PGliteStart, 'loadDataDir'>>> | undefined;

/** PGlite's WebAssembly compiled and its file-system bundle read once per process, for every instance it starts. */
export function pgliteEngine() {
  engine ??= (async () => {
    const dist = pgliteDist();
    const [wasm, bundle] = await Promise.all([readFile(path.join(dist, 'pglite.wasm')), readFile(path.join(dist, 'pglite.data'))]);
    return { pgliteWasmModule: await wasmCompiler.compile(wasm), fsBundle: new Blob([bundle]) };
  })();
  return engine;
}

/**
 * The data directory of a migrated (and seeded) PGlite, as a tarball: built once per machine and kept in the
 * temp directory under a key of everything it was made from, read once per process. Two processes building
 * it at once each write a whole file and rename it into place, so a reader never sees half of one.
 */
export function templateDataDir(template?: TestTemplate): Promise<Blob> {
  const name = template?.name ?? 'migrated';
  let dump = dumps.get(name);
  if (!dump) {
    dump = cachedOrBuilt(template);
    dumps.set(name, dump);
    dump.catch(() => dumps.delete(name));
  }
  return dump;
}

async function cachedOrBuilt(template: TestTemplate | undefined): Promise<Blob> {
  const file = path.join(CACHE_DIR, `${template?.name ?? 'migrated'}-${await templateKey(template)}.tar`);
  try {
    return new Blob([await readFile(file)]);
  } catch {
    // not built on this machine yet
  }
  const { db, dump } = await openMemoryPGlite(await pgliteEngine());
  try {
    if (template) await template.seed(db.prisma);
    const tarball = await dump();
    await mkdir(CACHE_DIR, { recursive: true });
    const partial = `${file}.${process.pid}.partial`;
    await writeFile(partial, new Uint8Array(await tarball.arrayBuffer()));
    await rename(partial, file);
    return tarball;
  } finally {
    await db.close();
  }
}

async function templateKey(template: TestTemplate | undefined): Promise<string> {
  const hash = createHash('sha256');
  for (const migration of await readMigrations()) hash.update(migration.checksum);
  const pglite = JSON.parse(await readFile(path.join(pgliteDist(), '..', 'package.json'), 'utf8')) as { version: string };
  hash.update(pglite.version);
  hash.update(JSON.stringify(PGLITE_INITDB_PARAMS)); // a template is a data directory: initdb's switches are in it
  if (template) {
    const seeds = (await readdir(SEED_DIR)).filter((f) => f.endsWith('.ts')).sort().map((f) => path.join(SEED_DIR, f));
    for (const source of [...seeds, ...(template.sources ?? [])]) hash.update(await readFile(source));
  }
  return hash.digest('hex').slice(0, 16);
}
