// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Import boundaries (ARCHITECTURE.md "The engine port", STYLE.md 1, ADR 0002): only packages/engine
 * talks to workflow engines, only packages/db to Prisma and PGlite. Everything else goes through
 * their ports, so the Zeebe/embedded swap and the database swap stay one package wide.
 */
const BOUNDARIES = [
  {
    owner: 'packages/engine',
    names: ['bpmn-engine', 'bpmn-elements', 'bpmn-moddle', 'zeebe-bpmn-moddle', 'feelin', '@camunda8/sdk', 'zeebe-node'],
    patterns: ['bpmn-engine/*', 'bpmn-elements/*', 'bpmn-moddle/*', 'zeebe-bpmn-moddle/*', 'feelin/*', '@camunda8/sdk/*', 'zeebe-node/*'],
  },
  {
    owner: 'packages/db',
    names: ['prisma', 'pglite-prisma-adapter', '@electric-sql/pglite'],
    patterns: ['@prisma/*', '.prisma/*', 'prisma/*', '@electric-sql/pglite/*'],
  },
];

/** A module name as RegExp source for an esquery selector, which ends its regex at the first `/`. */
const toRegExpSource = (name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replaceAll('/', '\\x2F');

/**
 * `no-restricted-imports` (static imports, `export … from`) and `no-restricted-syntax` (dynamic
 * `import('…')`) for every boundary except `owner`'s, minus `allow`ed modules (and their subpaths).
 * @param {{ owner?: string, allow?: string[] }} [options]
 */
function boundaryRules({ owner, allow = [] } = {}) {
  const active = BOUNDARIES.filter((b) => b.owner !== owner);
  const message = (b) => `Only ${b.owner} may import this (import boundaries: ARCHITECTURE.md, STYLE.md 1, ADR 0002). Use its exported port instead.`;
  const paths = active.flatMap((b) => b.names.filter((n) => !allow.includes(n)).map((name) => ({ name, message: message(b) })));
  const groups = (b) => b.patterns.filter((p) => !allow.includes(p.replace(/\/\*$/, '')));
  const patterns = active.map((b) => ({ group: groups(b), message: message(b) }));
  const dynamic = active.flatMap((b) => {
    const names = b.names.filter((n) => !allow.includes(n)).map(toRegExpSource);
    const prefixes = groups(b).map((p) => toRegExpSource(p.replace(/\/\*$/, '')));
    const source = `^(${[...names.map((n) => `${n}$`), ...prefixes.map((p) => `${p}\\x2F`)].join('|')})`;
    return [{ selector: `ImportExpression[source.value=/${source}/]`, message: message(b) }];
  });
  return {
    'no-restricted-imports': ['error', { paths, patterns }],
    'no-restricted-syntax': ['error', ...dynamic],
  };
}

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**', '**/dist/**', '**/build/**', '**/.turbo/**', '**/coverage/**',
      'data/**', '**/generated/**', 'bench/results/**', 'playwright-report/**', 'test-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // A forgotten await in a handler loses a job (STYLE.md 7).
      '@typescript-eslint/no-floating-promises': 'error',
      // An async callback where void is expected (setInterval, emitter.on) loses its rejection;
      // JSX event attributes are the usual exception.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  { files: ['**/*.{js,mjs,cjs,ts,tsx,mts,cts}'], rules: boundaryRules() },
  { files: ['packages/engine/**'], rules: boundaryRules({ owner: 'packages/engine' }) },
  { files: ['packages/db/**'], rules: boundaryRules({ owner: 'packages/db' }) },
  // The benchmark's baseline is bare bpmn-engine (with bpmn-moddle to parse its BPMN once), to measure what the engine port costs on top of it.
  { files: ['bench/**'], rules: boundaryRules({ allow: ['bpmn-engine', 'bpmn-moddle'] }) },
  // The web modeler edits BPMN with bpmn-js, which needs the zeebe moddle descriptor to read and
  // write zeebe:* extension elements; it never executes a process.
  { files: ['web/**'], rules: boundaryRules({ allow: ['zeebe-bpmn-moddle'] }) },
  { files: ['**/*.js', '**/*.mjs', '**/*.cjs'], ...tseslint.configs.disableTypeChecked },
);
