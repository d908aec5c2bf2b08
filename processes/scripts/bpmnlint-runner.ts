// bpmnlint's Linter API, run the way its CLI runs it (same moddle, import warnings count as errors),
// but reporting the rule behind every problem, which the CLI drops for camunda-compat rules.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

/** Plugins, configs and moddle extensions resolve from processes/, where they are devDependencies. */
const requireFromProcesses = createRequire(path.resolve(import.meta.dirname, '../package.json'));
/** bpmnlint parses with its own bpmn-moddle (10); the engine's (9) is not ours to import here. */
const requireFromBpmnlint = createRequire(requireFromProcesses.resolve('bpmnlint/package.json'));

interface ModdleElement { $type: string }
interface Moddle {
  fromXML(xml: string): Promise<{ rootElement: ModdleElement; warnings: { message: string; element?: { id?: string } }[] }>;
}
interface Report { id?: string; message: string; category: 'error' | 'warn' | 'info' | 'rule-error' }
interface BpmnlintConfig { extends?: string | string[]; rules?: Record<string, unknown>; moddleExtensions?: Record<string, string> }

const { BpmnModdle } = requireFromBpmnlint('bpmn-moddle') as { BpmnModdle: new (extensions: Record<string, unknown>) => Moddle };
const { Linter } = requireFromProcesses('bpmnlint') as {
  Linter: new (options: { config: BpmnlintConfig; resolver: unknown }) => { lint(root: ModdleElement): Promise<Record<string, Report[]>> };
};
const NodeResolver = requireFromProcesses('bpmnlint/lib/resolver/node-resolver') as new (options: { require: NodeJS.Require }) => unknown;

export interface Problem { id: string; rule: string; category: 'error' | 'warning'; message: string }

/** Lints one BPMN file with one .bpmnlintrc. An unparsable file or an import warning is an error. */
export async function lintBpmnFile(file: string, configFile: string): Promise<Problem[]> {
  const config = JSON.parse(readFileSync(configFile, 'utf8')) as BpmnlintConfig;
  const extensions = Object.fromEntries(
    Object.entries(config.moddleExtensions ?? {}).map(([prefix, schema]) => [prefix, requireFromProcesses(schema)]),
  );
  let parsed: Awaited<ReturnType<Moddle['fromXML']>>;
  try {
    parsed = await new BpmnModdle(extensions).fromXML(readFileSync(file, 'utf8'));
  } catch (error) {
    return [{ id: '', rule: 'parse', category: 'error', message: (error as Error).message.replace(/\s+/g, ' ') }];
  }
  const imported: Problem[] = parsed.warnings.map((w) => ({
    id: w.element?.id ?? '',
    rule: 'import',
    category: 'error',
    message: w.message.split('\n')[0] ?? w.message,
  }));
  const linter = new Linter({ config, resolver: new NodeResolver({ require: requireFromProcesses }) });
  const reports = await linter.lint(parsed.rootElement);
  const linted = Object.entries(reports).flatMap(([rule, list]) =>
    list.map((r): Problem => ({
      id: r.id ?? '',
      rule,
      category: r.category === 'warn' || r.category === 'info' ? 'warning' : 'error',
      message: r.message,
    })),
  );
  return [...imported, ...linted];
}

/** The nearest .bpmnlintrc above the file; else test/.bpmnlintrc, the configuration for engine test fixtures. */
export function configFor(file: string): string {
  for (let dir = path.dirname(path.resolve(file)); dir.startsWith(repoRoot); dir = path.dirname(dir)) {
    const candidate = path.join(dir, '.bpmnlintrc');
    if (existsSync(candidate)) return candidate;
    if (dir === repoRoot) break;
  }
  const fixtures = path.join(repoRoot, 'test/.bpmnlintrc');
  return existsSync(fixtures) ? fixtures : path.join(repoRoot, 'processes/.bpmnlintrc');
}

const SKIPPED_DIRS = new Set(['node_modules', '.git', '.turbo', 'dist', 'data', 'coverage']);

/** Every BPMN file of the repository (tracked and untracked, not ignored), minus the deliberately bad fixtures. */
export function findBpmnFiles(root = repoRoot): string[] {
  let files: string[];
  try {
    files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '--', '*.bpmn'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .split('\n')
      .filter((f) => f && existsSync(path.join(root, f)));
  } catch {
    files = walk(root).map((f) => path.relative(root, f));
  }
  return files.filter((f) => !/(^|\/)test-fixtures\/bad[^/]*$/.test(f)).sort();
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIPPED_DIRS.has(entry.name)) return [];
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return walk(full);
    return entry.name.endsWith('.bpmn') ? [full] : [];
  });
}
