import { describe, expect, it } from 'vitest';
import { adapters, fixture, openTasks, supports, useEngineUnderTest } from './harness';

const v1 = fixture(import.meta.dirname, 'user-task.bpmn');
// Version 2 of the same process: the sign-off task goes to another group.
const v2 = { name: 'user-task.bpmn', content: v1.content.replace('candidateGroups="leaders"', 'candidateGroups="sector-leaders"') };

describe.each(adapters)('deployment versions on $name', (adapter) => {
  const sut = useEngineUnderTest(adapter, []);

  const runToSignOff = async (key: string) => {
    const [verify] = await openTasks(sut.engine, key);
    await sut.engine.completeUserTask(verify!.key, { decision: 'confirm' });
    return (await openTasks(sut.engine, key))[0];
  };
  const variables = { unitId: 'u1', leader: 'wangwu', verifyDue: null };

  it('numbers versions, does not redeploy an unchanged resource, and keeps running instances on their version', async () => {
    // given
    const [first] = await sut.engine.deploy([v1]);
    const old = await sut.engine.startInstance({ bpmnProcessId: 'contract-user-task', variables });

    // when
    const [second] = await sut.engine.deploy([v2]);
    const [again] = await sut.engine.deploy([v2]);
    const fresh = await sut.engine.startInstance({ bpmnProcessId: 'contract-user-task', variables });

    // then
    expect([first!.version, second!.version, again!.version]).toEqual([1, 2, 2]);
    expect(again!.key).toBe(second!.key);
    expect(old.version).toBe(1);
    expect(fresh.version).toBe(2);
    expect((await runToSignOff(old.key))?.candidateGroups).toEqual(['leaders']);
    expect((await runToSignOff(fresh.key))?.candidateGroups).toEqual(['sector-leaders']);
    const pinned = await sut.engine.startInstance({ bpmnProcessId: 'contract-user-task', version: 1, variables });
    expect(pinned.version).toBe(1);
  });

  it.runIf(supports(adapter, 'tenants'))('keeps tenants (jurisdictions) apart', async () => {
    // given
    await sut.engine.deploy([v1], { tenantId: '530902' });

    // when
    const elsewhere = sut.engine.startInstance({ bpmnProcessId: 'contract-user-task', tenantId: '530925', variables });

    // then
    await expect(elsewhere).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const here = await sut.engine.startInstance({ bpmnProcessId: 'contract-user-task', tenantId: '530902', variables });
    expect(here.tenantId).toBe('530902');
  });

  it('rejects a resource that is not BPMN or has a service task without a job type', async () => {
    // given
    const broken = { name: 'broken.bpmn', content: v1.content.replace('<zeebe:userTask />', '').replace('bpmn:userTask id="verify"', 'bpmn:serviceTask id="verify"').replace('</bpmn:userTask>', '</bpmn:serviceTask>') };

    // when / then
    await expect(sut.engine.deploy([{ name: 'x.bpmn', content: 'not xml' }])).rejects.toMatchObject({ code: 'INVALID_DEFINITION' });
    await expect(sut.engine.deploy([broken])).rejects.toMatchObject({ code: 'INVALID_DEFINITION' });
  });

  it('refuses constructs the embedded engine does not run with Zeebe semantics, naming the element', async () => {
    // given
    const callActivity = { name: 'call.bpmn', content: v1.content.replace(/<bpmn:userTask id="sign-off"[\s\S]*?<\/bpmn:userTask>/, '<bpmn:callActivity id="sign-off"><bpmn:incoming>f-ok</bpmn:incoming><bpmn:outgoing>f3</bpmn:outgoing></bpmn:callActivity>') };

    // when / then
    await expect(sut.engine.deploy([callActivity])).rejects.toMatchObject({ code: 'INVALID_DEFINITION', message: expect.stringContaining('sign-off') });
  });
});
