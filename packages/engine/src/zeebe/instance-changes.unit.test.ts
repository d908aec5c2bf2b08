import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeCamunda, grpcError } from './testing/fake-camunda';
import { ZeebeEngine } from './zeebe-engine';

const fixtures = path.join(import.meta.dirname, '../../../../test/engine-contract');
const xml = (name: string) => readFileSync(path.join(fixtures, name), 'utf8');
const V1 = '2251799813685200';
const V2 = '2251799813685300';
const OTHER = '2251799813685400';
const DEFINITIONS: Record<string, { processDefinitionId: string; version: number; xml: string }> = {
  [V1]: { processDefinitionId: 'contract-changes', version: 1, xml: xml('instance-changes.bpmn') },
  [V2]: { processDefinitionId: 'contract-changes', version: 2, xml: xml('instance-changes-v2.bpmn') },
  [OTHER]: { processDefinitionId: 'contract-changes-other', version: 1, xml: xml('instance-changes-other.bpmn') },
};
const page = <T>(items: T[]) => ({ items, page: { totalItems: items.length } });

/** The cluster as the REST API shows it: an instance of version 1 at 审签 inside its span, and three definitions. */
const cluster = (grpc: NonNullable<Parameters<typeof fakeCamunda>[0]>['grpc'] = {}) =>
  fakeCamunda({
    grpc,
    rest: {
      getProcessInstance: () => ({ processInstanceKey: '2251799813685249', processDefinitionKey: V1, processDefinitionId: 'contract-changes', processDefinitionVersion: 1, tenantId: '<default>', state: 'ACTIVE', startDate: '2026-12-06T08:00:00.000Z' }),
      searchElementInstances: () => page([
        { elementId: 'span', type: 'SUB_PROCESS', state: 'ACTIVE', elementInstanceKey: '90', startDate: '2026-12-06T08:00:01.000Z' },
        { elementId: 'inner', type: 'USER_TASK', state: 'ACTIVE', elementInstanceKey: '91', startDate: '2026-12-06T08:00:02.000Z' },
      ]),
      getProcessDefinition: (({ processDefinitionKey }: { processDefinitionKey: string }) => ({ processDefinitionKey, tenantId: '<default>', ...DEFINITIONS[processDefinitionKey] })) as never,
      getProcessDefinitionXml: (({ processDefinitionKey }: { processDefinitionKey: string }) => DEFINITIONS[processDefinitionKey]!.xml) as never,
      searchProcessDefinitions: () => page([{ processDefinitionKey: V2 }, { processDefinitionKey: V1 }]),
    },
  });
const engineOn = (fake: ReturnType<typeof fakeCamunda>) => new ZeebeEngine({ grpc: fake.grpc, rest: fake.rest, onError: () => undefined });
const SAME = ['span', 'inner', 'span-clock'].map((id) => ({ sourceElementId: id, targetElementId: id }));

describe('ZeebeEngine process instance modification and migration (docs/adr/0051)', () => {
  it('sends a modification as ModifyProcessInstance: terminate by element instance, activate in the flow scope, variables at the root', async () => {
    // given
    const fake = cluster();
    const engine = engineOn(fake);

    // when
    await engine.modifyInstance('2251799813685249', { terminate: ['91'], activate: [{ elementId: 'work' }, { elementId: 'inner', variables: { why: '重办' } }] });

    // then
    expect(fake.argsOf('modifyProcessInstance')).toEqual([[{
      processInstanceKey: '2251799813685249',
      terminateInstructions: [{ elementInstanceKey: '91' }],
      activateInstructions: [
        { elementId: 'work', ancestorElementInstanceKey: '-1', variableInstructions: [] },
        { elementId: 'inner', ancestorElementInstanceKey: '-1', variableInstructions: [{ scopeId: '', variables: { why: '重办' } }] },
      ],
    }]]);
  });

  it('answers the broker’s rejection of a modification as INVALID_STATE, and an empty one without asking it', async () => {
    // given
    const fake = cluster({ modifyProcessInstance: () => Promise.reject(grpcError(9, "Expected to modify instance but no element found with id 'nope'")) });
    const engine = engineOn(fake);

    // when / then
    await expect(engine.modifyInstance('2251799813685249', { terminate: [], activate: [{ elementId: 'nope' }] })).rejects.toMatchObject({ code: 'INVALID_STATE', message: expect.stringContaining('nope') });
    await expect(engine.modifyInstance('2251799813685249', { terminate: [], activate: [] })).rejects.toMatchObject({ code: 'INVALID_STATE', details: { refusals: [{ reason: 'NOTHING_TO_DO' }] } });
    expect(fake.argsOf('modifyProcessInstance')).toHaveLength(1);
  });

  it('answers a dry run from the instance and both definitions’ XML, sending nothing; then migrates with MigrateProcessInstance', async () => {
    // given
    const fake = cluster();
    const engine = engineOn(fake);

    // when: a dry run with the span unmapped, then the full plan
    const dry = await engine.migrateInstance('2251799813685249', { targetDefinitionKey: V2, mappings: [{ sourceElementId: 'inner', targetElementId: 'inner' }] }, { dryRun: true });
    expect(fake.argsOf('migrateProcessInstance')).toEqual([]);
    const done = await engine.migrateInstance('2251799813685249', { targetDefinitionKey: V2, mappings: SAME });

    // then
    expect(dry).toMatchObject({ migrated: false, sourceVersion: 1, targetVersion: 2, moves: [{ elementInstanceKey: '91', elementId: 'inner', targetElementId: 'inner' }], refusals: [{ reason: 'UNMAPPED_ELEMENT', elementId: 'span' }] });
    expect(done).toMatchObject({ migrated: true, refusals: [] });
    expect(fake.argsOf('migrateProcessInstance')).toEqual([[{ processInstanceKey: '2251799813685249', migrationPlan: { targetProcessDefinitionKey: V2, mappingInstructions: SAME } }]]);
  });

  it('refuses a target of another process or an unmapped element before the broker sees it', async () => {
    // given
    const fake = cluster();
    const engine = engineOn(fake);

    // when / then
    await expect(engine.migrateInstance('2251799813685249', { targetDefinitionKey: OTHER, mappings: SAME })).rejects.toMatchObject({ code: 'INVALID_STATE', details: { refusals: [{ reason: 'OTHER_PROCESS' }] } });
    await expect(engine.migrateInstance('2251799813685249', { targetDefinitionKey: V2, mappings: [] })).rejects.toMatchObject({ code: 'INVALID_STATE', details: { refusals: [{ reason: 'UNMAPPED_ELEMENT' }, { reason: 'UNMAPPED_ELEMENT' }] } });
    expect(fake.argsOf('migrateProcessInstance')).toEqual([]);
  });

  it('lists the versions of a process in a tenant with their elements', async () => {
    // given
    const fake = cluster();
    const engine = engineOn(fake);

    // when
    const versions = await engine.listDefinitions({ bpmnProcessId: 'contract-changes', tenantId: '530900' });

    // then
    expect(fake.argsOf('searchProcessDefinitions')[0]![0]).toMatchObject({ filter: { processDefinitionId: 'contract-changes', tenantId: '530900' }, sort: [{ field: 'version', order: 'DESC' }] });
    expect(versions.map((v) => [v.key, v.version])).toEqual([[V2, 2], [V1, 1]]);
    expect(versions[0]!.elements).toContainEqual({ id: 'receive', name: '签收（修正）', type: 'bpmn:UserTask', parentId: null });
    expect(versions[0]!.elements).toContainEqual({ id: 'inner', name: '审签', type: 'bpmn:UserTask', parentId: 'span' });
  });
});
