/**
 * `npm run build:server`: kuaibao's server entry points as plain JavaScript in dist/server/, so a
 * server starts on node alone instead of compiling ~150 TypeScript files through tsx's loader
 * hooks (ADR 0018). kuaibao's own modules (the @kuaibao/* workspaces) are bundled; every package
 * from node_modules stays an import, loaded from node_modules as before.
 *
 *   tsx api/scripts/build-server.ts   (tests and benchmarks call buildServer with their own entries and outdir)
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
export const SERVER_DIST_DIR = path.join(REPO_ROOT, 'dist/server');

/** The entry points `npm start`, `npm run api` and `npm run worker` run, by output name. */
export const SERVER_ENTRIES: Record<string, string> = {
  main: 'api/src/main.ts',
  'api-main': 'api/src/api-main.ts',
  worker: 'worker/src/main.ts',
};

/**
 * Modules find files beside their source (the migrations, processes/*.bpmn, web/dist) through
 * `import.meta`. In a bundle `import.meta` is the bundle's, so each module's own is rewritten to its
 * source location relative to the bundle: dist/ keeps working wherever the checkout is moved.
 */
const SOURCE_PATH = '__kuaibaoSourcePath';

function sourceImportMeta(outdir: string): Plugin {
  return {
    name: 'source-import-meta',
    setup(plugin) {
      plugin.onLoad({ filter: /\.ts$/ }, async ({ path: file }) => {
        if (file.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        const fromBundle = (target: string) => JSON.stringify(path.relative(outdir, target).split(path.sep).join('/') || '.');
        const sourcePath = (target: string) => `${SOURCE_PATH}(new URL(${fromBundle(target)}, import.meta.url))`;
        const rewritten = { dirname: sourcePath(path.dirname(file)), filename: sourcePath(file), url: `new URL(${fromBundle(file)}, import.meta.url).href` };
        const contents = (await readFile(file, 'utf8')).replace(/\bimport\.meta\.(dirname|filename|url)\b/g, (_, name: keyof typeof rewritten) => rewritten[name]);
        return { contents, loader: 'ts' };
      });
    },
  };
}

/** Packages from node_modules stay imports; only kuaibao's workspaces are bundled. */
const externalPackages: Plugin = {
  name: 'external-packages',
  setup(plugin) {
    plugin.onResolve({ filter: /^[^./]/ }, ({ path: specifier }) => (specifier.startsWith('@kuaibao/') ? undefined : { path: specifier, external: true }));
  },
};

/**
 * Bundles `entries` (output name → entry file, relative to the repository) into `outdir` as ES modules.
 * Each file is written beside its place and renamed into it, so a server started from `outdir` while
 * another script builds (`npm run api` and `npm run worker` at once) reads a whole bundle, old or new.
 */
export async function buildServer(entries: Record<string, string> = SERVER_ENTRIES, outdir = SERVER_DIST_DIR): Promise<void> {
  const { outputFiles } = await build({
    entryPoints: Object.fromEntries(Object.entries(entries).map(([name, file]) => [name, path.resolve(REPO_ROOT, file)])),
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    banner: { js: `import { fileURLToPath as ${SOURCE_PATH} } from 'node:url';` },
    plugins: [sourceImportMeta(outdir), externalPackages],
    logLevel: 'warning',
    write: false,
  });
  await mkdir(outdir, { recursive: true });
  await Promise.all(outputFiles.map(async ({ path: file, contents }) => {
    const partial = `${file}.${process.pid}.partial`;
    await writeFile(partial, contents);
    await rename(partial, file);
  }));
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const started = performance.now();
  await buildServer();
  console.log(`[build:server] ${Object.keys(SERVER_ENTRIES).join(', ')} → ${path.relative(process.cwd(), SERVER_DIST_DIR) || '.'} (${Math.round(performance.now() - started)} ms)`);
}
