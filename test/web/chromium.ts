import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';

/**
 * Which Chromium the browser tests drive, and with which fonts (docs/adr/0034):
 * - `CHROMIUM_PATH` when set;
 * - else, for the tests (`headlessShell`), Debian's old headless shell /usr/bin/chromium-headless-shell when it is there:
 *   the same Blink without the browser's UI layers, as playwright itself drives headless tests; a browser test file
 *   spent 27 % less CPU on it (docs/adr/0073);
 * - else Debian's /usr/bin/chromium when it is there (it starts faster and is what .ci/run installs; the benchmarks
 *   measure a first load in it, the browser users have);
 * - else, or with `KUAIBAO_BROWSER=packaged`, the Chromium shipped inside the `@sparticuz/chromium` npm package,
 *   unpacked once into node_modules/.cache (with the NSS libraries it needs, which a bare Debian lacks).
 * Either way the Simplified Chinese font of `@embedpdf/fonts-sc` (Noto Sans Hans) is given to the browser, so
 * Chinese is not drawn as empty boxes on a machine without fonts-noto-cjk. The packaged browser sees that
 * font only, so what it draws does not depend on the machine.
 */
export interface ChromiumChoice {
  executablePath: string;
  /** What the browser process gets besides the environment (fonts, libraries). */
  env: Record<string, string>;
  source: 'CHROMIUM_PATH' | 'debian' | 'packaged';
}

const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const DEBIAN_HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
const require = createRequire(import.meta.url);
/** Where an installed package lies (these two export no package.json, and fonts-sc no file of its fonts). */
function packageDir(name: string): string {
  const found = (require.resolve.paths(name) ?? []).map((dir) => path.join(dir, name)).find((dir) => existsSync(path.join(dir, 'package.json')));
  if (!found) throw new Error(`${name} is not installed: run \`npm install\` (the browser tests need it on a machine without Debian's chromium).`);
  return found;
}
const CACHE_DIR = path.resolve(import.meta.dirname, '../../node_modules/.cache/kuaibao-chromium');

export async function chooseChromium(env: NodeJS.ProcessEnv = process.env, options: { headlessShell?: boolean } = {}): Promise<ChromiumChoice> {
  const fonts = cjkFontsConfig();
  if (env.CHROMIUM_PATH) return { executablePath: env.CHROMIUM_PATH, env: { FONTCONFIG_FILE: fonts.withSystemFonts }, source: 'CHROMIUM_PATH' };
  const debian = [...(options.headlessShell ? [DEBIAN_HEADLESS_SHELL] : []), DEBIAN_CHROMIUM].find((file) => existsSync(file));
  if (env.KUAIBAO_BROWSER !== 'packaged' && debian) return { executablePath: debian, env: { FONTCONFIG_FILE: fonts.withSystemFonts }, source: 'debian' };
  const dir = await unpackPackagedChromium();
  return { executablePath: path.join(dir, 'chromium'), env: { FONTCONFIG_FILE: fonts.packagedOnly, LD_LIBRARY_PATH: path.join(dir, 'lib') }, source: 'packaged' };
}

/** Unpacks the package's brotli-compressed browser and libraries once per version; safe when test files race to it. */
async function unpackPackagedChromium(): Promise<string> {
  const pkg = packageDir('@sparticuz/chromium');
  const version = (JSON.parse(readFileSync(path.join(pkg, 'package.json'), 'utf8')) as { version: string }).version;
  const target = path.join(CACHE_DIR, version);
  if (existsSync(path.join(target, 'chromium'))) return target;
  mkdirSync(CACHE_DIR, { recursive: true });
  const work = mkdtempSync(path.join(CACHE_DIR, `.unpack-${version}-`));
  try {
    await pipeline(createReadStream(path.join(pkg, 'bin/chromium.br')), createBrotliDecompress(), createWriteStream(path.join(work, 'chromium'), { mode: 0o755 }));
    // The Amazon Linux libraries (NSS, NSPR, expat) the binary links against; glibc 2.34+ runs them.
    const libs = path.join(work, 'al2023.tar');
    await pipeline(createReadStream(path.join(pkg, 'bin/al2023.tar.br')), createBrotliDecompress(), createWriteStream(libs));
    const untar = spawnSync('tar', ['-xf', libs, '-C', work], { encoding: 'utf8' });
    if (untar.status !== 0) throw new Error(`could not unpack the browser's libraries: ${untar.stderr || untar.error?.message}`);
    rmSync(libs);
    renameSync(work, target);
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    if (existsSync(path.join(target, 'chromium'))) return target; // another test file unpacked it first
    throw error;
  }
  return target;
}

/** Two fontconfig files: the CJK font alone (packaged browser), and the machine's fonts plus it (Debian's). */
function cjkFontsConfig() {
  const fontDir = path.join(packageDir('@embedpdf/fonts-sc'), 'fonts');
  mkdirSync(CACHE_DIR, { recursive: true });
  const write = (name: string, system: boolean) => {
    const file = path.join(CACHE_DIR, name);
    const xml = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
      '<fontconfig>',
      system ? '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>' : '',
      `  <dir>${fontDir}</dir>`,
      `  <cachedir>${path.join(CACHE_DIR, 'fontconfig')}</cachedir>`,
      '</fontconfig>',
      '',
    ].join('\n');
    const part = `${file}.${process.pid}`;
    writeFileSync(part, xml);
    renameSync(part, file); // whole, even when test files start at once
    return file;
  };
  return { packagedOnly: write('fonts-packaged.conf', false), withSystemFonts: write('fonts-system.conf', true) };
}
