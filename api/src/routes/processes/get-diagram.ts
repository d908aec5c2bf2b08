import { z } from 'zod';
import { processResources } from '@kuaibao/processes';
import { requireUser } from '../../auth/session-user';
import type { RouteModule } from '../../deps';
import { AppError, bilingual } from '../../errors/app-error';
import { parseParams, parseQuery } from '../../http/validate';
import { diagramParamsSchema, diagramQuerySchema, diagramsByProcessId } from './get-diagram.types';

export const getDiagram: RouteModule = ({ router, registry, deps }) => {
  registry.registerPath({
    method: 'get',
    path: '/api/processes/{bpmnProcessId}/diagram',
    tags: ['processes'],
    summary: '流程图 / The BPMN XML of a process, for the diagram of the task page, the dossier and 流程监控: the shipped file, or with jurisdiction and version the version a jurisdiction deployed (the one a report runs)',
    request: { params: diagramParamsSchema, query: diagramQuerySchema },
    responses: {
      200: { description: 'BPMN 2.0 XML', content: { 'application/xml': { schema: z.string() } } },
      400: { description: 'A bad jurisdiction or version, named' },
      404: { description: 'No such process or deployed version' },
    },
  });

  const diagrams = diagramsByProcessId(processResources());
  router.get('/api/processes/:bpmnProcessId/diagram', async (req, res) => {
    requireUser(res);
    const { bpmnProcessId } = parseParams(diagramParamsSchema, req);
    const { jurisdiction, version } = parseQuery(diagramQuerySchema, req);
    if (jurisdiction !== undefined && version !== undefined) {
      const deployed = await deps.designs.deployment(jurisdiction, bpmnProcessId, version);
      if (!deployed) throw new AppError('NOT_FOUND', bilingual(`辖区 ${jurisdiction} 没有流程 ${bpmnProcessId} 的 v${version}`, `Jurisdiction ${jurisdiction} has no v${version} of ${bpmnProcessId}`));
      res.type('application/xml').set('cache-control', 'private, max-age=3600').send(deployed.xml);
      return;
    }
    const xml = diagrams.get(bpmnProcessId);
    if (!xml) throw new AppError('NOT_FOUND', bilingual(`流程 ${bpmnProcessId} 不存在`, `Process ${bpmnProcessId} not found`));
    res.type('application/xml').set('cache-control', 'private, max-age=60').send(xml);
  });
};
