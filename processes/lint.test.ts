import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configFor, findBpmnFiles, lintBpmnFile, repoRoot } from './scripts/bpmnlint-runner';

const fixture = (name: string) => path.join(import.meta.dirname, 'test-fixtures', name);
const config = path.join(import.meta.dirname, '.bpmnlintrc');

describe('bpmnlint for Camunda 8.8', () => {
  it('passes a minimal Zeebe process (start, service task with a job type, end, diagram)', async () => {
    // when
    const problems = await lintBpmnFile(fixture('good-service-task.bpmn'), config);

    // then
    expect(problems).toEqual([]);
  });

  it('fails a service task Zeebe could not run, naming the rule', async () => {
    // when
    const problems = await lintBpmnFile(fixture('bad-missing-task-definition.bpmn'), config);

    // then
    expect(problems).toEqual([
      expect.objectContaining({ id: 'dispatch', rule: 'camunda-compat/implementation', category: 'error' }),
    ]);
  });

  it('lints every BPMN file of the repository except the bad fixtures, each with its nearest configuration', () => {
    // when
    const files = findBpmnFiles();

    // then
    expect(files).toContain('processes/incident-report.bpmn');
    expect(files).toContain('processes/test-fixtures/good-service-task.bpmn');
    expect(files.filter((f) => f.includes('test-fixtures/bad'))).toEqual([]);
    expect(files.some((f) => f.includes('node_modules'))).toBe(false);
    expect(configFor(path.join(repoRoot, 'processes/incident-report.bpmn'))).toBe(config);
  });
});
