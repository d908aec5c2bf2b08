import { describe, expect, it } from 'vitest';
import { progressSteps } from './progress-steps';

const entry = (action: string, actor: string, detail: Record<string, unknown> = {}, at = '2026-12-06T05:00:00Z') => ({ at, actor, action, detail, reportId: 'r1' });

describe('progressSteps', () => {
  it('a 首报 at 审签: 提交 and 核实 done with who, 审签 current, the rest next', () => {
    // given
    const trail = [entry('report.submitted', '李明'), entry('task.completed', '王芳', { kind: 'verify', decision: 'confirm' })];
    // when
    const steps = progressSteps({ id: 'r1', kind: 'first', status: 'signing', workflow: { state: 'active', openTasks: [{ kind: 'sign_off', assignee: null }] } }, trail);
    // then
    expect(steps.map((s) => [s.key, s.state, s.who])).toEqual([
      ['submit', 'done', '李明'], ['verify', 'done', '王芳'], ['sign_off', 'current', null], ['dispatch', 'next', null], ['receive_city', 'next', null],
    ]);
  });

  it('returned to 核实: 核实 is current again, 审签 not done', () => {
    const trail = [
      entry('report.submitted', '李明'), entry('task.completed', '王芳', { kind: 'verify', decision: 'confirm' }), entry('task.completed', '张伟', { kind: 'sign_off', decision: 'return' }),
    ];
    const steps = progressSteps({ id: 'r1', kind: 'first', status: 'verifying', workflow: { state: 'active', openTasks: [{ kind: 'verify', assignee: null }] } }, trail);
    expect(steps.map((s) => s.state)).toEqual(['done', 'current', 'next', 'next', 'next']);
  });

  it('a withdrawn 续报 ends after 提交; a 续报 has no 核实', () => {
    const steps = progressSteps({ id: 'r1', kind: 'follow_up', status: 'withdrawn', workflow: { state: 'canceled', openTasks: [] } }, [entry('report.submitted', '李明')]);
    expect(steps.map((s) => [s.key, s.state])).toEqual([['submit', 'done'], ['sign_off', 'ended'], ['dispatch', 'ended'], ['receive_city', 'ended']]);
  });
});
