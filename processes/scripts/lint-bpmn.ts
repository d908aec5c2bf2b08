// Lints every BPMN file of the repository with bpmnlint (recommended rules + camunda-compat for
// Camunda 8.8), so whatever runs on the embedded engine also deploys to Zeebe. Each file uses the
// nearest .bpmnlintrc: processes/.bpmnlintrc for deployable processes; engine test fixtures (no
// diagram, no labels) use test/.bpmnlintrc, which relaxes only modelling-style rules and keeps every
// Zeebe compatibility rule. Files given as arguments are linted instead of the whole repository.
//   npm run lint --workspace processes [-- path/to/file.bpmn ...]
import path from 'node:path';
import { configFor, findBpmnFiles, lintBpmnFile, repoRoot } from './bpmnlint-runner';

async function run(): Promise<number> {
  const args = process.argv.slice(2);
  const base = process.env.INIT_CWD ?? process.cwd();
  const files = args.length > 0 ? args.map((f) => path.resolve(base, f)) : findBpmnFiles().map((f) => path.join(repoRoot, f));
  if (files.length === 0) {
    console.log('bpmnlint: no BPMN files in the repository yet, nothing to lint.');
    return 0;
  }

  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    const config = configFor(file);
    const problems = await lintBpmnFile(file, config);
    errors += problems.filter((p) => p.category === 'error').length;
    warnings += problems.filter((p) => p.category === 'warning').length;
    if (problems.length === 0) continue;
    console.log(`\n${path.relative(repoRoot, file)}  (${path.relative(repoRoot, config)})`);
    for (const p of problems) console.log(`  ${p.id || '-'}  ${p.category}  ${p.message}  [${p.rule}]`);
  }

  const summary = `bpmnlint: ${files.length} BPMN files, ${errors} errors, ${warnings} warnings.`;
  console.log(errors > 0 ? `\n✖ ${summary}` : `${warnings > 0 ? '\n' : ''}${summary}`);
  return errors > 0 ? 1 : 0;
}

run().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
