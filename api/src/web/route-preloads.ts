import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** One entry of Vite's build manifest (`build.manifest`): a chunk's file and the chunks it imports statically. */
interface ManifestChunk { file: string; imports?: string[]; dynamicImports?: string[]; isEntry?: boolean }

/** The pages a returning user opens first, by address, as the web app's sources name them (web/src/route-preload.ts). */
const PAGES: { match: (pathname: string) => boolean; source: string }[] = [
  { match: (p) => p === '/' || p === '/inbox', source: 'src/pages/inbox-page.tsx' },
  { match: (p) => p.startsWith('/inbox/'), source: 'src/pages/work-list-page.tsx' },
  { match: (p) => p.startsWith('/tasks/'), source: 'src/pages/task-page.tsx' },
  { match: (p) => p === '/incidents', source: 'src/pages/incidents-page.tsx' },
  { match: (p) => p.startsWith('/incidents/'), source: 'src/pages/dossier-page.tsx' },
];
const LAYOUT = 'src/components/app-layout.tsx';
const LOGIN = 'src/pages/login-page.tsx';

/**
 * The `<link rel="modulepreload">` tags of the chunks an address needs beyond the first one, with everything they import,
 * so that they download beside it instead of after it has run (docs/adr/0060, 0064): the app (boot.tsx) always; then,
 * for a browser with a session (a returning user), the frame's and the address's page; without one, or on /login,
 * the login page. Empty when the build wrote no manifest.
 */
export function routePreloads(distDir: string): (pathname: string, withSession: boolean) => string {
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
  // the app: what the first chunk (a few KB, web/src/main.tsx) imports once it has sent a returning user's first requests
  const app: string[] = [];
  for (const [key, chunk] of Object.entries(manifest)) {
    if (!chunk.isEntry) continue;
    closure(key, first);
    app.push(...(chunk.dynamicImports ?? []));
  }
  const tags = (sources: string[]) => {
    const files = new Set<string>();
    for (const source of sources) closure(source, files);
    return [...files].filter((f) => !first.has(f)).map((f) => `<link rel="modulepreload" crossorigin href="/${f}">`).join('');
  };
  const login = tags([...app, LOGIN]);
  const byPage = new Map(PAGES.map((page) => [page.source, tags([...app, LAYOUT, page.source])]));
  const layoutOnly = tags([...app, LAYOUT]);
  return (pathname, withSession) => {
    if (!withSession || pathname === '/login') return login;
    const page = PAGES.find((p) => p.match(pathname));
    return page ? byPage.get(page.source)! : layoutOnly;
  };
}
