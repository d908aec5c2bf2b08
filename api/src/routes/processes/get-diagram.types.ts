import { z } from 'zod';

export const diagramParamsSchema = z.object({ bpmnProcessId: z.string().regex(/^[A-Za-z][\w.-]{0,99}$/) });

/**
 * The BPMN files deployed at start (processes/), by the ids of the processes they define. The
 * current files: an instance of an older version shows the current layout (ids are kept stable).
 */
export function diagramsByProcessId(resources: { content: string }[]): Map<string, string> {
  const byId = new Map<string, string>();
  for (const { content } of resources) {
    for (const match of content.matchAll(/<(?:bpmn:)?process\b[^>]*?\bid="([^"]+)"/g)) byId.set(match[1]!, content);
  }
  return byId;
}
