import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { HANDLED_TASK_TYPES } from '@kuaibao/domain';
import { describe, expect, it } from 'vitest';
import { createHandlers } from './create-handlers';
import type { HandlerDeps } from './handlers/deps';

const processesDir = path.resolve(import.meta.dirname, '../../processes');

function bpmnFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name === 'node_modules' || e.name === 'test-fixtures') return [];
    const full = path.join(dir, e.name);
    return e.isDirectory() ? bpmnFiles(full) : e.name.endsWith('.bpmn') ? [full] : [];
  });
}

describe('job handlers', () => {
  it('exist for every zeebe:taskDefinition type in processes/, and every handler is used', () => {
    // given
    const types = new Set(
      bpmnFiles(processesDir).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/<zeebe:taskDefinition[^>]*\btype="([^"]+)"/g)].map((m) => m[1]!)),
    );
    const handlers = Object.keys(createHandlers({} as HandlerDeps));

    // then
    expect(types.size).toBeGreaterThan(0);
    expect([...types].sort()).toEqual([...handlers].sort());
  });

  it('are the job types the designer offers and checks (HANDLED_TASK_TYPES)', () => {
    expect([...HANDLED_TASK_TYPES].sort()).toEqual(Object.keys(createHandlers({} as HandlerDeps)).sort());
  });
});
