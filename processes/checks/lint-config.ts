// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./bpmnlint-modules.d.ts" />
import camundaCompat from 'bpmnlint-plugin-camunda-compat';
import recommended from 'bpmnlint/config/recommended.js';
import { bundledRules } from './bundled-rules.generated';
import { kuaibaoRecommended, kuaibaoRules } from './kuaibao-rules/index';
import { BASE_CONFIG_EXTENDS } from './lint-extends';
import type { RuleFactory } from './lint-types';

export interface LintConfigOptions {
  /** The org tree's unit ids, for user tasks that name a unit (the server knows them; the browser checks roles only). */
  unitIds?: readonly string[];
}

/**
 * The one lint configuration of the designer (docs/adr/0037), as bpmnlint's `{ config, resolver }`: bpmnlint's
 * recommended rules, Camunda 8.8 compatibility (camunda-compat: every version also deploys on Zeebe) and kuaibao's
 * rules of the seed notices. The modeler (bpmn-js-bpmnlint) and the API's check at save and deploy use it alike.
 */
export function designerLintConfig(options: LintConfigOptions = {}) {
  const rules: Record<string, RuleFactory> = {
    ...bundledRules,
    ...Object.fromEntries(Object.entries(kuaibaoRules).map(([name, rule]) => [`bpmnlint-plugin-kuaibao/${name}`, rule as RuleFactory])),
  };
  const configs: Record<string, unknown> = {
    'bpmnlint/recommended': recommended,
    'bpmnlint/all': { rules: {} },
    'bpmnlint-plugin-camunda-compat/camunda-cloud-8-8': camundaCompat.configs['camunda-cloud-8-8'],
    'bpmnlint-plugin-kuaibao/recommended': kuaibaoRecommended,
  };
  return {
    config: {
      extends: [...BASE_CONFIG_EXTENDS, 'plugin:kuaibao/recommended'],
      rules: {
        // The kuaibao rule needs the org tree for literal unit groups.
        ...(options.unitIds && { 'kuaibao/user-task-roles-exist': ['error', { unitIds: options.unitIds }] }),
      },
    },
    resolver: {
      resolveRule: (pkg: string, name: string) => rules[`${pkg}/${name}`] ?? null,
      resolveConfig: (pkg: string, name: string) => configs[`${pkg}/${name}`] ?? null,
    },
  };
}
