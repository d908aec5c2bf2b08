import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The two weights a report is set in: Noto Sans Hans (思源黑体, OFL-1.1) as shipped by `@embedpdf/fonts-sc`. */
export interface CjkFonts {
  regular: Buffer;
  bold: Buffer;
}

const FILES = { regular: 'NotoSansHans-Regular.otf', bold: 'NotoSansHans-Bold.otf' } as const;

/**
 * Where the package keeps its OTF files. Its `exports` name no file of them (nor its package.json), so they are found
 * beside its entry point: dist/index.cjs → ../fonts/. A machine with only Node.js has them after `npm install`; no
 * system font (fonts-noto-cjk) is needed (docs/adr/0042).
 */
export function cjkFontDir(): string {
  const entry = createRequire(import.meta.url).resolve('@embedpdf/fonts-sc');
  return path.join(path.dirname(entry), '..', 'fonts');
}

let loaded: Promise<CjkFonts> | undefined;

/** The font files, read once per process (~17 MB in memory); a failed read is tried again next time. */
export function cjkFonts(): Promise<CjkFonts> {
  loaded ??= (async () => {
    const dir = cjkFontDir();
    const [regular, bold] = await Promise.all([readFile(path.join(dir, FILES.regular)), readFile(path.join(dir, FILES.bold))]);
    return { regular, bold };
  })().catch((error: unknown) => {
    loaded = undefined;
    throw error;
  });
  return loaded;
}
