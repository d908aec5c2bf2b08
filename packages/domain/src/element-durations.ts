import { z } from 'zod';

/*
 * 流程监控's time spent per element (issue 22 item 4, docs/adr/0059): what the API parses and answers.
 */

export const ELEMENT_DURATION_DAYS = { default: 30, max: 366 } as const;

/** GET /api/admin/definitions/{key}/durations: the window, in days back from now, of the instances counted. */
export const elementDurationsQuerySchema = z.strictObject({
  days: z.coerce.number().int().min(1).max(ELEMENT_DURATION_DAYS.max).default(ELEMENT_DURATION_DAYS.default),
  lang: z.string().optional(),
});
export type ElementDurationsQuery = z.output<typeof elementDurationsQuerySchema>;

/** One element's time from activation to completion over the window's completed element instances. */
export interface ElementDuration {
  elementId: string;
  elementName: string | null;
  /** `job` (a service task: created → completed, waits for a worker and retries included) or `user_task` (created → completed). */
  source: 'job' | 'user_task';
  completed: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** Still open at this element now (not in the figures above). */
  open: number;
}

export interface ElementDurations {
  definition: { key: string; bpmnProcessId: string; version: number; tenantId: string };
  /** The version's BPMN as deployed, for the heat map. */
  xml: string;
  since: string;
  /** Instances of this version started since `since`. */
  instances: number;
  elements: ElementDuration[];
}
