import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MAX_BPMN_BYTES } from '@kuaibao/domain';
import { describe, expect, it } from 'vitest';
import { processResources } from '../index';
import { checkBpmn } from './check-bpmn';

const defaultFlow = readFileSync(path.join(import.meta.dirname, '../incident-report.bpmn'), 'utf8');
const BPMN_NS = 'http://www.omg.org/spec/BPMN/20100524/MODEL';

/** The default flow with a dispatch straight after 核实 (inside the reporting stage, before 审签). */
const dispatchAfterVerify = defaultFlow.replace(
  '</bpmn:subProcess>',
  `<bpmn:serviceTask id="dispatch-early" name="提前报送上级主管部门"><bpmn:extensionElements><zeebe:taskDefinition type="kuaibao.report.dispatch" />
   <zeebe:taskHeaders><zeebe:header key="recipient" value="superiorDepartment" /></zeebe:taskHeaders></bpmn:extensionElements>
   <bpmn:incoming>f-early</bpmn:incoming></bpmn:serviceTask>
   <bpmn:sequenceFlow id="f-early" sourceRef="verify" targetRef="dispatch-early" /></bpmn:subProcess>`,
);

const kuaibao = async (xml: string) => {
  const result = await checkBpmn(xml, 'incident-report');
  if (!result.ok) throw new Error(result.problem.en);
  return result.findings.filter((f) => f.rule.startsWith('kuaibao/'));
};

describe('the designer check (bpmnlint + camunda-compat 8.8 + kuaibao rules)', () => {
  it('passes every shipped process with no error', async () => {
    for (const resource of processResources()) {
      // given
      const id = /<bpmn:process id="([^"]+)"/.exec(resource.content)![1]!;
      // when
      const result = await checkBpmn(resource.content, id);
      // then
      expect(result, resource.name).toMatchObject({ ok: true, errors: 0 });
    }
  });

  it('names a dispatch reachable without 审签 (核实 connected straight to 上报)', async () => {
    const findings = await kuaibao(dispatchAfterVerify);
    expect(findings).toContainEqual({
      id: 'dispatch-early',
      rule: 'kuaibao/verified-and-signed-before-dispatch',
      category: 'error',
      message: '「提前报送上级主管部门」（dispatch-early）可以不经审签就报送：从「报告提交」（start）到它的路径上必须先有审签步骤',
    });
  });

  it('names a dispatch reachable without 核实 in the 首报 flow', async () => {
    // given: 核实 bypassed, and a dispatch right after 审签 inside the reporting stage
    const skipped = dispatchAfterVerify.replace('sourceRef="verify-merge" targetRef="verify"', 'sourceRef="verify-merge" targetRef="sign-off"')
      .replace('sourceRef="verify" targetRef="dispatch-early"', 'sourceRef="sign-off" targetRef="dispatch-early"');
    expect(skipped).toContain('sourceRef="verify-merge" targetRef="sign-off"');
    // when
    const findings = await kuaibao(skipped);
    // then
    expect(findings.filter((f) => f.id === 'dispatch-early' && f.rule === 'kuaibao/verified-and-signed-before-dispatch').map((f) => f.message)).toEqual([
      '「提前报送上级主管部门」（dispatch-early）可以不经核实就报送：从「报告提交」（start）到它的路径上必须先有核实步骤',
    ]);
  });

  it('requires the superior department and the same-level government on parallel branches after 审签', async () => {
    const oneRecipient = defaultFlow.replace('<zeebe:header key="recipient" value="sameLevelGovernment" />', '<zeebe:header key="recipient" value="cityDutyOffice" />');
    const findings = await kuaibao(oneRecipient);
    expect(findings).toContainEqual(expect.objectContaining({ id: 'sign-off', rule: 'kuaibao/dual-reporting-in-parallel' }));
    expect(findings.find((f) => f.id === 'sign-off')!.message).toContain('双重上报');
  });

  it('names a job type no handler answers', async () => {
    const findings = await kuaibao(defaultFlow.replace('type="kuaibao.report.close"', 'type="kuaibao.report.shred"'));
    expect(findings).toContainEqual(expect.objectContaining({ id: 'close-report', rule: 'kuaibao/job-type-has-handler' }));
    expect(findings.find((f) => f.id === 'close-report')!.message).toContain('kuaibao.report.shred');
  });

  it('names a user task whose role or group does not exist, and checks units against the org tree on the server', async () => {
    const xml = defaultFlow.replace('candidateGroups="=groups.verifier"', 'candidateGroups="unit:lx-yjj:boss"').replace('candidateGroups="=groups.leader"', 'candidateGroups="unit:nowhere:leader"');
    const result = await checkBpmn(xml, 'incident-report', { unitIds: ['lx-yjj'] });
    const findings = result.ok ? result.findings : [];
    expect(findings).toContainEqual(expect.objectContaining({ id: 'verify', message: '「核实」（verify）：角色「boss」不存在' }));
    expect(findings).toContainEqual(expect.objectContaining({ id: 'sign-off', message: '「单位领导审签」（sign-off）：单位「nowhere」不在组织机构树中' }));
  });

  it('takes the person a leader chose for 加签 as who acts on 加签审签, and names a user task offered to nobody', async () => {
    // given: the shipped 加签审签 names its candidate user from the flow (=[coSign.signer]), no group
    expect((await kuaibao(defaultFlow)).filter((f) => f.id === 'co-sign')).toEqual([]);
    // when: it names nobody
    const findings = await kuaibao(defaultFlow.replace('<zeebe:assignmentDefinition candidateUsers="=[coSign.signer]" />', ''));
    // then
    expect(findings).toContainEqual(expect.objectContaining({ id: 'co-sign', message: '「加签审签」（co-sign）没有候选组，无人能办理' }));
  });

  it('names a timer with a hard-coded duration instead of the policy clock', async () => {
    const xml = defaultFlow.replace(/(<bpmn:timerEventDefinition id="phone-deadline-timer">\s*)<bpmn:timeDate[^>]*>[^<]*<\/bpmn:timeDate>/, '$1<bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT30M</bpmn:timeDuration>');
    const findings = await kuaibao(xml);
    expect(findings).toContainEqual(expect.objectContaining({ id: 'phone-deadline', rule: 'kuaibao/deadline-from-policy', message: expect.stringContaining('PT30M') }));
  });

  describe('refuses, naming the problem', () => {
    const cases: [string, string, string][] = [
      ['not XML', 'hello', 'not_xml'],
      ['XML that is not BPMN', '<html><body/></html>', 'not_bpmn'],
      ['malformed BPMN', `<bpmn:definitions xmlns:bpmn="${BPMN_NS}"><bpmn:process id="incident-report">`, 'malformed'],
      ['an entity bomb', `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><bpmn:definitions xmlns:bpmn="${BPMN_NS}">&lol2;</bpmn:definitions>`, 'doctype'],
      ['an external entity', `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><bpmn:definitions xmlns:bpmn="${BPMN_NS}">&x;</bpmn:definitions>`, 'doctype'],
      ['a file over the size limit', defaultFlow.replace('</bpmn:definitions>', `<!-- ${'x'.repeat(MAX_BPMN_BYTES)} --></bpmn:definitions>`), 'too_large'],
      ['another process', defaultFlow.replace('id="incident-report"', 'id="my-flow"'), 'wrong_process'],
      ['a construct the engine does not run', defaultFlow.replace('<bpmn:userTask id="verify" name="核实">', '<bpmn:callActivity id="verify-call" name="调用核实"></bpmn:callActivity><bpmn:userTask id="verify" name="核实">'), 'unsupported'],
    ];
    it.each(cases)('%s', async (_, xml, code) => {
      const result = await checkBpmn(xml, 'incident-report');
      expect(result).toMatchObject({ ok: false, problem: { code } });
    });
  });

  describe('every path of a 首报 not closed as 不属实 ends with the city duty office\'s receipt', () => {
    const rule = 'kuaibao/first-report-ends-with-city-receipt';
    const ofRule = async (xml: string) => (await kuaibao(xml)).filter((f) => f.rule === rule);

    it('passes the default flow: the 越级 copy, the 004 clearance, reminders and 迟报 marks run beside the report, 不属实 closes it', async () => {
      expect(await ofRule(defaultFlow)).toEqual([]);
    });

    it('names the end a report reaches when the receipt is taken out', async () => {
      // given: 报送市政府总值班室 goes straight to 报送完成
      const noReceipt = defaultFlow.replace('<bpmn:sequenceFlow id="f-city-sent" sourceRef="dispatch-city" targetRef="receive-city" />', '<bpmn:sequenceFlow id="f-city-sent" sourceRef="dispatch-city" targetRef="complete-report" />');
      expect(noReceipt).not.toEqual(defaultFlow);
      // when / then
      expect(await ofRule(noReceipt)).toEqual([{
        id: 'end-received', rule, category: 'error',
        message: '「已签收」（end-received）：首报可在此结束而未经市政府总值班室签收。除以不属实关闭外，每条路径都必须以市政府总值班室签收结束',
      }]);
    });

    it('names an alternative that ends the report before it reaches the city duty office', async () => {
      // given: 审签 not approved ends the report without closing it as 不属实
      const shortcut = defaultFlow
        .replace('<bpmn:sequenceFlow id="f-not-approved" name="不属实，关闭" sourceRef="span-gw" targetRef="close-report" />', '<bpmn:sequenceFlow id="f-not-approved" name="直接办结" sourceRef="span-gw" targetRef="end-shortcut" /><bpmn:endEvent id="end-shortcut" name="直接办结"><bpmn:incoming>f-not-approved</bpmn:incoming></bpmn:endEvent>');
      expect(shortcut).toContain('end-shortcut');
      // when
      const findings = await ofRule(shortcut);
      // then
      expect(findings.map((f) => f.id)).toEqual(['end-shortcut']);
      expect(findings[0]!.message).toContain('「直接办结」（end-shortcut）：首报可在此结束而未经市政府总值班室签收');
    });

    it('applies to the 首报 flow only', async () => {
      const followUp = readFileSync(path.join(import.meta.dirname, '../follow-up-report.bpmn'), 'utf8');
      const result = await checkBpmn(followUp, 'follow-up-report');
      expect(result.ok && result.findings.filter((f) => f.rule === rule)).toEqual([]);
    });
  });
});
