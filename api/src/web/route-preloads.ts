import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** One entry of Vite's build manifest (`build.manifest`): a chunk's file and the chunks it imports statically. */
interface ManifestChunk { file: string; imports?: string[]; isEntry?: boolean }

/** The pages a returning user opens first, by address, as the web app's sources name them (web/src/route-preload.ts). */
const PAGES: { match: (pathname: string) => boolean; source: string }[] = [
  { match: (p) => p === '/' || p === '/inbox', source: 'src/pages/inbox-page.tsx' },
  { match: (p) => p.startsWith('/inbox/'), source: 'src/pages/work-list-page.tsx' },
  { match: (p) => p.startsWith('/tasks/'), source: 'src/pages/task-page.tsx' },
  { match: (p) => p === '/incidents', source: 'src/pages/incidents-page.tsx' },
  { match: (p) => p.startsWith('/incidents/'), source: 'src/pages/dossier-page.tsx' },
];
const LAYOUT = 'src/components/app-layout.tsx';

/**
 * For a browser with a session (docs/adr/0060): the `<link rel="modulepreload">` tags of the frame's and the address's
 * page chunks with everything they import beyond the first chunk, so that they download beside it instead of after
 * it has run (React reaches them only then). The login page gets none: its first load carries nothing more.
 * Empty when the build wrote no manifest.
 */
export function routePreloads(distDir: string): (pathname: string) => string {
  const file = path.join(distDir, '.vite', 'manifest.json');
  if (!existsSync(file)) return () => '';
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, ManifestChunk>;
  const closure = (key: string, into: Set<string>) => {
    const chunk = manifest[key];
    if (!chunk || into.has(chunk.file)) return into;
    into.add(chunk.file);
    for (const imported of chunk.imports ?? []) closure(imported, into);
    return into;
  };
  const first = new Set<string>();
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) closure(key, first);
  const tags = (sources: string[]) => {
    const files = new Set<string>();
    for (const source of sources) closure(source, files);
    return [...files].filter((f) => !first.has(f)).map((f) => `<link rel="modulepreload" crossorigin href="/${f}">`).join('');
  };
  const byPage = new Map(PAGES.map((page) => [page.source, tags([LAYOUT, page.source])]));
  const layoutOnly = tags([LAYOUT]);
  return (pathname) => {
    if (pathname === '/login') return '';
    const page = PAGES.find((p) => p.match(pathname));
    return page ? byPage.get(page.source)! : layoutOnly;
  };
}
