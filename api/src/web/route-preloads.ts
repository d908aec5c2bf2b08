import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** One entry of Vite's build manifest (`build.manifest`): a chunk's file and the chunks it imports statically. */
interface ManifestChunk { file: string; imports?: string[]; dynamicImports?: string[]; isEntry?: boolean; css?: string[] }

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
 * What index.html gets for an address: `modules` before `</head>`; `stylesheets` before the app's own stylesheet,
 * which overrides antd's rules of equal weight (web/src/styles.css), as it did when antd wrote them at run time.
 */
export interface RoutePreloads { stylesheets: string; modules: string }

/**
 * The `<link rel="modulepreload">` tags of the chunks an address needs beyond the first one, with everything they import,
 * and the `<link rel="stylesheet">` tags of their stylesheets,
 * so that they download beside it instead of after it has run (docs/adr/0060, 0064): the app (boot.tsx) always; then,
 * for a browser with a session (a returning user), the frame's and the address's page; without one, or on /login,
 * the login page. Empty when the build wrote no manifest.
 */
export function routePreloads(distDir: string): (pathname: string, withSession: boolean) => RoutePreloads {
  const file = path.join(distDir, '.vite', 'manifest.json');
  if (!existsSync(file)) return () => ({ stylesheets: '', modules: '' });
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, ManifestChunk>;
  const closure = (key: string, into: Set<string>, css = new Set<string>()) => {
    const chunk = manifest[key];
    if (!chunk || into.has(chunk.file)) return into;
    into.add(chunk.file);
    for (const sheet of chunk.css ?? []) css.add(sheet);
    for (const imported of chunk.imports ?? []) closure(imported, into, css);
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
  const firstCss = new Set<string>();
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) closure(key, new Set(), firstCss);
  // a chunk's stylesheet is linked in the head, so that it arrives beside the scripts: Vite's loader finds the link
  // and does not load it again. The frame's carries antd's styles of the first screen, which must be there before
  // the first render to be used (docs/adr/0069).
  const tags = (sources: string[]) => {
    const files = new Set<string>();
    const css = new Set<string>();
    for (const source of sources) closure(source, files, css);
    return {
      stylesheets: [...css].filter((f) => !firstCss.has(f)).map((f) => `<link rel="stylesheet" crossorigin href="/${f}">`).join(''),
      modules: [...files].filter((f) => !first.has(f)).map((f) => `<link rel="modulepreload" crossorigin href="/${f}">`).join(''),
    };
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
