import { z } from 'zod';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface PathDefinition {
  method: Method;
  /** OpenAPI path, e.g. /api/tasks/{key}. */
  path: string;
  tags: string[];
  summary: string;
  request?: {
    params?: z.ZodObject;
    query?: z.ZodObject;
    body?: { content: { 'application/json': { schema: z.ZodType } } };
  };
  responses: Record<number, { description: string; content?: Partial<Record<'application/json' | 'application/xml' | 'text/event-stream', { schema: z.ZodType }>> }>;
}

/**
 * Collects each route's zod schemas and renders an OpenAPI 3.1 document with zod's own JSON Schema
 * output (OpenAPI 3.1 is JSON Schema 2020-12), so what the docs say is exactly what the route parses.
 */
export class ApiRegistry {
  private readonly paths: PathDefinition[] = [];

  registerPath(definition: PathDefinition) {
    this.paths.push(definition);
  }

  document(info: { title: string; version: string; description: string }) {
    const schema = (type: z.ZodType, io: 'input' | 'output') => z.toJSONSchema(type, { io, unrepresentable: 'any', target: 'draft-2020-12' });
    const parameters = (where: 'path' | 'query', object: z.ZodObject | undefined) =>
      Object.entries(object?.shape ?? {}).map(([name, field]) => ({
        name,
        in: where,
        required: where === 'path' || !(field as z.ZodType).safeParse(undefined).success,
        schema: schema(field as z.ZodType, 'input'),
      }));
    const paths: Record<string, Record<string, unknown>> = {};
    for (const p of this.paths) {
      const body = p.request?.body?.content['application/json'].schema;
      paths[p.path] ??= {};
      paths[p.path]![p.method] = {
        tags: p.tags,
        summary: p.summary,
        parameters: [...parameters('path', p.request?.params), ...parameters('query', p.request?.query)],
        ...(body && { requestBody: { required: true, content: { 'application/json': { schema: schema(body, 'input') } } } }),
        responses: Object.fromEntries(
          Object.entries(p.responses).map(([status, r]) => [
            status,
            {
              description: r.description,
              ...(r.content && {
                content: Object.fromEntries(Object.entries(r.content).map(([type, c]) => [type, { schema: schema(c.schema, 'output') }])),
              }),
            },
          ]),
        ),
      };
    }
    return {
      openapi: '3.1.0',
      info,
      servers: [{ url: '/' }],
      paths,
      components: {
        schemas: {
          Problem: {
            type: 'object',
            description: 'RFC 9457 problem details; `errors` lists field paths for validation failures.',
            properties: {
              type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' },
              instance: { type: 'string' }, code: { type: 'string' },
              errors: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
            },
          },
        },
      },
    };
  }
}
