import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, MESSAGES, PROCESS_IDS, TASK_TYPES, USER_TASK_KINDS } from './constants';

const processesDir = path.resolve(import.meta.dirname, '../../../processes');

function bpmnSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (['node_modules', 'test-fixtures'].includes(entry.name)) return [];
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return bpmnSources(full);
    return entry.name.endsWith('.bpmn') ? [readFileSync(full, 'utf8')] : [];
  });
}

const valuesIn = (sources: string[], pattern: RegExp) => new Set(sources.flatMap((s) => [...s.matchAll(pattern)].map((m) => m[1]!)));

describe('constants', () => {
  it('name job types kuaibao.<area>.<action>, each once', () => {
    const types = Object.values(TASK_TYPES);
    for (const type of types) expect(type).toMatch(/^kuaibao\.[a-z]+\.[a-z]+(-[a-z]+)*$/);
    expect(new Set(types).size).toBe(types.length);
    expect(new Set(Object.values(MESSAGES)).size).toBe(Object.values(MESSAGES).length);
  });

  it('use each error code as its own value', () => {
    for (const [key, value] of Object.entries(ERROR_CODES)) expect(value).toBe(key);
  });

  it('cover every job type, user task kind, message and process id used in processes/*.bpmn', () => {
    // given
    const sources = bpmnSources(processesDir);

    // then
    expect(sources.length).toBeGreaterThan(0);
    for (const type of valuesIn(sources, /<zeebe:taskDefinition[^>]*\btype="([^"]+)"/g)) expect(Object.values(TASK_TYPES)).toContain(type);
    for (const kind of valuesIn(sources, /<zeebe:header key="kind" value="([^"]+)"/g)) expect(USER_TASK_KINDS).toContain(kind);
    for (const name of valuesIn(sources, /<bpmn:message[^>]*\bname="([^"]+)"/g)) expect(Object.values(MESSAGES)).toContain(name);
    for (const code of valuesIn(sources, /<bpmn:error[^>]*\berrorCode="([^"]+)"/g)) expect(Object.values(ERROR_CODES)).toContain(code);
    for (const id of valuesIn(sources, /<bpmn:process[^>]*\bid="([^"]+)"/g)) expect(Object.values(PROCESS_IDS)).toContain(id);
  });
});
