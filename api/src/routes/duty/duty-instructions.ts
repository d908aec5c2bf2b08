import { makeInstructionResultSchema, makeInstructionSchema } from '@kuaibao/domain';
import { z } from 'zod';
import { clientIp, requireUser } from '../../auth/session-user';
import type { RouteModule } from '../../deps';
import { localeOf, perLocale } from '../../http/locale';
import { parseBody, parseParams } from '../../http/validate';
import { actOnInstruction, myInstructions, relayInstruction } from '../../services/duty/instruction-service';
import { incidentParamsSchema, instructionUnitParamsSchema, instructionViewSchema } from './duty.types';

/** 领导批示 (002 一（六）): recorded and relayed by a duty officer, acknowledged and carried out by each named unit by the deadline. */
export const dutyInstructions: RouteModule = ({ router, registry, deps }) => {
  const resultFor = perLocale(makeInstructionResultSchema);
  registry.registerPath({
    method: 'post', path: '/api/incidents/{number}/instructions', tags: ['duty', 'reports'],
    summary: '登记并传达领导批示 / Record a leader’s instruction on the incident and relay it to the units named (duty officers only)',
    request: { params: incidentParamsSchema, body: { content: { 'application/json': { schema: makeInstructionSchema() } } } },
    responses: { 201: { description: 'Relayed', content: { 'application/json': { schema: instructionViewSchema } } }, 400: { description: 'Invalid, or a unit not under your government (field paths)' }, 403: { description: 'Duty officers only' }, 404: { description: 'Incident not found or not visible' } },
  });
  registry.registerPath({
    method: 'get', path: '/api/duty/instructions', tags: ['duty'],
    summary: '领导批示 / The instructions your unit must carry out, and those it relayed, each unit with its 落实 clock',
    responses: { 200: { description: 'Lists', content: { 'application/json': { schema: z.object({ toCarryOut: z.array(instructionViewSchema), relayed: z.array(instructionViewSchema) }) } } } },
  });
  registry.registerPath({
    method: 'post', path: '/api/duty/instructions/{id}/units/{unitId}/acknowledgement', tags: ['duty'], summary: '签收批示 / The named unit acknowledges the instruction',
    request: { params: instructionUnitParamsSchema },
    responses: { 200: { description: 'Acknowledged', content: { 'application/json': { schema: instructionViewSchema } } }, 403: { description: 'Not the named unit' }, 409: { description: 'Already acknowledged' } },
  });
  registry.registerPath({
    method: 'post', path: '/api/duty/instructions/{id}/units/{unitId}/result', tags: ['duty'], summary: '反馈落实情况 / The named unit reports how it carried the instruction out (after 签收)',
    request: { params: instructionUnitParamsSchema, body: { content: { 'application/json': { schema: makeInstructionResultSchema() } } } },
    responses: { 200: { description: 'Recorded, met or late against the deadline', content: { 'application/json': { schema: instructionViewSchema } } }, 400: { description: 'Empty result' }, 409: { description: 'Not acknowledged yet, or already reported' } },
  });

  router.post('/api/incidents/:number/instructions', async (req, res) => {
    const user = requireUser(res);
    const { number } = parseParams(incidentParamsSchema, req);
    const body = parseBody(makeInstructionSchema(localeOf(req), deps.now), req);
    res.status(201).json(await relayInstruction(deps, user, number, body, clientIp(req)));
  });
  router.get('/api/duty/instructions', async (_req, res) => {
    res.json(await myInstructions(deps, requireUser(res)));
  });
  router.post('/api/duty/instructions/:id/units/:unitId/acknowledgement', async (req, res) => {
    const user = requireUser(res);
    const { id, unitId } = parseParams(instructionUnitParamsSchema, req);
    res.json(await actOnInstruction(deps, user, id, unitId, { kind: 'acknowledge' }, clientIp(req)));
  });
  router.post('/api/duty/instructions/:id/units/:unitId/result', async (req, res) => {
    const user = requireUser(res);
    const { id, unitId } = parseParams(instructionUnitParamsSchema, req);
    const { result } = parseBody(resultFor(req), req);
    res.json(await actOnInstruction(deps, user, id, unitId, { kind: 'report', result }, clientIp(req)));
  });
};
