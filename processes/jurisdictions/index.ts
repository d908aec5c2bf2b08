import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { policySchema, selectPolicy, type Policy } from '@kuaibao/domain';

const root = import.meta.dirname;

/** A policy file that does not parse or validate: the message names the file and each field path. */
export class PolicyFileError extends Error {
  override readonly name = 'PolicyFileError';

  constructor(
    readonly file: string,
    readonly issues: string[],
  ) {
    super(`Invalid jurisdiction policy ${file}:\n${issues.map((issue) => `  - ${issue}`).join('\n')}`);
  }
}

/** Reads and validates one policy.json; its folder name must be its code. */
export function loadPolicyFile(file: string): Policy {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new PolicyFileError(file, [`(file): ${(error as Error).message}`]);
  }
  const parsed = policySchema.safeParse(data);
  if (!parsed.success) throw new PolicyFileError(file, parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  const folder = path.basename(path.dirname(file));
  if (parsed.data.code !== folder) throw new PolicyFileError(file, [`code: "${parsed.data.code}" differs from its folder "${folder}"`]);
  return parsed.data;
}

/** Every `<dir>/<code>/policy.json`, validated, by code. A folder without policy.json is an error too. */
export function loadPolicies(dir = root): Map<string, Policy> {
  const folders = readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory() && entry.name !== 'node_modules');
  return new Map(
    folders.map((folder) => {
      const file = path.join(dir, folder.name, 'policy.json');
      if (!existsSync(file)) throw new PolicyFileError(file, ['(file): missing']);
      const policy = loadPolicyFile(file);
      return [policy.code, policy] as const;
    }),
  );
}

/**
 * The resolver the clock handler takes: a jurisdiction (a division code, or a policy code) → the nearest
 * policy up the division tree, else the default.
 */
export function policyResolver(policies: ReadonlyMap<string, Policy> = loadPolicies()): (jurisdiction: string) => Policy | undefined {
  return (jurisdiction) => selectPolicy(policies, jurisdiction);
}
