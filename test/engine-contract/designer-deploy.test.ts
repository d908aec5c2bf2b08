import { describe, expect, it } from 'vitest';
import { adapters, fixture, openTasks, supports, useEngineUnderTest } from './harness';

/**
 * The process designer's path through the engine port (docs/adr/0036): the shipped file is the default tenant's; a
 * jurisdiction's first own deployment deploys the shipped file as its v1, then the designed version; each resource
 * carries its deployment's id in a comment, so a rollback (the same content again) is a new version too.
 */
const shipped = fixture(import.meta.dirname, 'user-task.bpmn');
const TENANT = '530900';
const designed = (xml: string, deploymentId: string) => ({ name: `${TENANT}/user-task.bpmn`, content: `${xml.trimEnd()}\n<!-- kuaibao designer deployment ${deploymentId} (${TENANT}) -->\n` });
// The designer's change: sign-off goes to the sector leaders.
const changed = shipped.content.replace('candidateGroups="leaders"', 'candidateGroups="sector-leaders"');
const variables = { unitId: 'u1', leader: 'wangwu', verifyDue: null };

describe.each(adapters)('the designer\'s deploy-then-start on $name', (adapter) => {
  const sut = useEngineUnderTest(adapter, [shipped]);

  const signOffGroups = async (key: string) => {
    const [verify] = await openTasks(sut.engine, key);
    await sut.engine.completeUserTask(verify!.key, { decision: 'confirm' });
    return (await openTasks(sut.engine, key))[0]?.candidateGroups;
  };

  it.runIf(supports(adapter, 'tenants'))('starts new reports on the designed version in the jurisdiction, keeps running ones, rolls back as a new version', async () => {
    // given: the jurisdiction runs the shipped default (its v1), and a report is under way on it
    const [baseline] = await sut.engine.deploy([designed(shipped.content, 'd-baseline')], { tenantId: TENANT });
    const running = await sut.engine.startInstance({ bpmnProcessId: 'contract-user-task', tenantId: TENANT, variables });

    // when: the designer deploys their version
    const [v2] = await sut.engine.deploy([designed(changed, 'd-2')], { tenantId: TENANT });
    const fresh = await sut.engine.startInstance({ bpmnProcessId: 'contract-user-task', tenantId: TENANT, variables });

    // then: the new report starts on v2 in the jurisdiction's tenant, the running one stays on v1
    expect([baseline!.version, v2!.version]).toEqual([1, 2]);
    expect(fresh).toMatchObject({ version: 2, tenantId: TENANT });
    expect(running).toMatchObject({ version: 1, tenantId: TENANT });
    expect(await signOffGroups(fresh.key)).toEqual(['sector-leaders']);
    expect(await signOffGroups(running.key)).toEqual(['leaders']);
    // and the default tenant (the shipped file) is untouched
    const elsewhere = await sut.engine.startInstance({ bpmnProcessId: 'contract-user-task', variables });
    expect(elsewhere.version).toBe(1);
    expect(elsewhere.tenantId).not.toBe(TENANT);

    // when: rolled back to v1 (its content again, under a new deployment id)
    const [v3] = await sut.engine.deploy([designed(shipped.content, 'd-3')], { tenantId: TENANT });
    const afterRollback = await sut.engine.startInstance({ bpmnProcessId: 'contract-user-task', tenantId: TENANT, variables });

    // then: a new version number, running the earlier flow
    expect(v3!.version).toBe(3);
    expect(afterRollback.version).toBe(3);
    expect(await signOffGroups(afterRollback.key)).toEqual(['leaders']);
  });
});
