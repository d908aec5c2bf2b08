import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import BpmnModdle from 'bpmn-moddle';
import { Engine } from 'bpmn-engine';

const require = createRequire(import.meta.url);
const zeebe = require('zeebe-bpmn-moddle/resources/zeebe.json') as object;
const NEVER = '9999-12-31T23:59:59Z';

/**
 * The same BPMN on bare bpmn-engine in memory: services answer at once, user tasks are signalled at
 * once (as are message catch events), FEEL is answered with the values the flow needs (no clock runs out). No database, no HTTP: the ceiling.
 * The XML is parsed once and every instance runs from the parsed definitions, as a service would (and as kuaibao does).
 */
export async function rawEngineThroughput(source: string, seconds: number, concurrency: number): Promise<number> {
  const moddleContext = await new BpmnModdle({ zeebe }).fromXML(source.trim());
  const variables: Record<string, unknown> = { verifyDecision: 'confirm', signOffDecision: 'approve', groups: {} };
  const expressions = {
    resolveExpression: (expression: string) => {
      if (!expression.startsWith('=')) return expression;
      if (expression.includes('verifyDecision')) return variables.verifyDecision === 'confirm';
      if (expression.includes('signOffDecision')) return variables.signOffDecision === 'approve';
      // Clocks never run out in the ceiling run; the 越级 and 004 branches take their default paths.
      if (expression.includes('clocks.')) return NEVER;
      if (expression.includes('routes.')) return false;
      return 'group';
    },
    isExpression: (v: unknown) => typeof v === 'string' && v.startsWith('='),
    hasExpression: (v: unknown) => typeof v === 'string' && v.startsWith('='),
  };
  const runOne = () =>
    new Promise<void>((resolve, reject) => {
      const listener = new EventEmitter();
      listener.on('wait', (api: { type: string; signal: (m?: unknown) => void }) => {
        // user tasks and message catch events (the 004 clearance) answer at once
        if (api.type === 'bpmn:UserTask' || api.type === 'bpmn:MessageEventDefinition') setImmediate(() => api.signal({}));
      });
      const engine = new Engine({
        name: 'raw',
        moddleContext: moddleContext as never,
        moddleOptions: { zeebe },
        expressions: expressions as never,
        settings: { disableTrackState: true },
        extensions: {
          zeebe(activity: { type: string; behaviour: { Service?: unknown } }) {
            if (activity.type !== 'bpmn:ServiceTask') return;
            activity.behaviour.Service = function Immediate() {
              return { execute: (_ctx: unknown, callback: (e: unknown, r?: unknown) => void) => setImmediate(() => callback(null, {})) };
            };
          },
        } as never,
      });
      engine.once('end', () => resolve());
      engine.once('error', reject);
      engine.execute({ listener }).catch(reject);
    });
  let completed = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        await runOne();
        completed++;
      }
    }),
  );
  return completed / seconds;
}
