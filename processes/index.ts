import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = import.meta.dirname;

/** Every deployable BPMN file under processes/ (test fixtures excluded), as engine deploy resources. */
export function processResources(dir = root): { name: string; content: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (['node_modules', 'test-fixtures'].includes(entry.name)) return [];
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return processResources(full);
    if (!entry.name.endsWith('.bpmn')) return [];
    return [{ name: path.relative(root, full), content: readFileSync(full, 'utf8') }];
  });
}

export { loadPolicies, loadPolicyFile, policyResolver, PolicyFileError } from './jurisdictions/index';
