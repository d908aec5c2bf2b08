/**
 * `npm run bench -- designer [--saves 40]`
 * The designer's save of the default 首报 flow over HTTP as the 临沧 designer: PUT /api/process-drafts/{id}, which runs
 * the server check (XML guard, bpmnlint + camunda-compat 8.8 + kuaibao rules) and stores the draft. Each save changes
 * a step's name so nothing can be cached. Goal: designer_save_check_p95_ms ≤ 300 ms (issue 17).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { RunningServer } from '@kuaibao/api';
import { login } from '../test/api/client';
import { runBenchmark, withBenchServer } from './lib/bench-server';
import { emitResult, summarize, timeEach } from './lib/stats';

const { values } = parseArgs({ options: { saves: { type: 'string', default: '40' } } });
const defaultFlow = readFileSync(new URL('../processes/incident-report.bpmn', import.meta.url), 'utf8');

async function main(server: RunningServer) {
  const designer = await login(server.url, 'designer');
  const created = await designer.post('/api/jurisdictions/530900/processes/incident-report/drafts', {});
  if (created.status !== 201) throw new Error(`create draft: ${created.status}`);
  let revision = created.body.revision as number;
  const save = async (i: number) => {
    const xml = defaultFlow.replace('<bpmn:userTask id="verify" name="核实">', `<bpmn:userTask id="verify" name="核实${i}">`);
    const saved = await designer.request('PUT', `/api/process-drafts/${created.body.id}`, { xml, revision });
    if (saved.status !== 200 || saved.body.findings.some((f: { category: string }) => f.category === 'error')) throw new Error(`save: ${saved.status} ${JSON.stringify(saved.body).slice(0, 200)}`);
    revision = saved.body.revision;
  };
  // The first check loads the linter's rules: warm it up, as a running server is.
  await timeEach(5, (i) => save(1000 + i));
  const saves = Number(values.saves);
  const s = summarize(await timeEach(saves, save));
  emitResult('designer save + server check of the default flow', {
    designer_save_check_p50_ms: s.p50,
    designer_save_check_p95_ms: s.p95,
    designer_save_check_p99_ms: s.p99,
    saves,
    bpmn_kb: Math.round(Buffer.byteLength(defaultFlow) / 1024),
  });
}

runBenchmark(() => withBenchServer('designer', {}, main));
