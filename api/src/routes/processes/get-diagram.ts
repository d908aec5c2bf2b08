import { z } from 'zod';
import { processResources } from '@kuaibao/processes';
import { requireUser } from '../../auth/session-user';
import type { RouteModule } from '../../deps';
import { AppError, bilingual } from '../../errors/app-error';
import { parseParams } from '../../http/validate';
import { diagramParamsSchema, diagramsByProcessId } from './get-diagram.types';

export const getDiagram: RouteModule = ({ router, registry }) => {
  registry.registerPath({
    method: 'get',
    path: '/api/processes/{bpmnProcessId}/diagram',
    tags: ['processes'],
    summary: '流程图 / The BPMN XML of a deployed process, for the diagram of the task page and the dossier',
    request: { params: diagramParamsSchema },
    responses: { 200: { description: 'BPMN 2.0 XML', content: { 'application/xml': { schema: z.string() } } }, 404: { description: 'No such process' } },
  });

  const diagrams = diagramsByProcessId(processResources());
  router.get('/api/processes/:bpmnProcessId/diagram', (req, res) => {
    requireUser(res);
    const { bpmnProcessId } = parseParams(diagramParamsSchema, req);
    const xml = diagrams.get(bpmnProcessId);
    if (!xml) throw new AppError('NOT_FOUND', bilingual(`流程 ${bpmnProcessId} 不存在`, `Process ${bpmnProcessId} not found`));
    res.type('application/xml').set('cache-control', 'private, max-age=60').send(xml);
  });
};
