import { z } from 'zod';

/*
 * 流程监控 (docs/adr/0022): what GET /api/admin/instances answers, as the API builds it and the web app reads it.
 */

/** A user task an instance waits on, and who must act on it. */
export interface WaitingTask {
  key: string;
  name: string | null;
  assignee: string | null;
  candidateGroups: string[];
  candidateUsers: string[];
}

/** An element an instance waits at (a user task, a service task's job, a timer or message), since when. */
export interface WaitingElement {
  elementId: string;
  elementName: string | null;
  /** e.g. bpmn:UserTask, bpmn:ServiceTask, bpmn:IntermediateCatchEvent */
  elementType: string;
  since: string;
  tasks: WaitingTask[];
}

/** A failed step the engine stopped at (an incident), to be retried by an admin once its cause is fixed. */
export interface InstanceIncident {
  key: string;
  elementId: string;
  elementName: string | null;
  errorType: 'JOB_NO_RETRIES' | 'UNHANDLED_ERROR_EVENT' | 'EXECUTION_ERROR';
  errorMessage: string;
  createdAt: string;
  jobKey: string | null;
}

/** A running process instance: where it waits, since when, and its failed steps. */
export interface TracedInstance {
  instanceKey: string;
  bpmnProcessId: string;
  processName: string | null;
  version: number;
  incidentNumber: string | null;
  title: string | null;
  startedAt: string;
  /** The oldest `since` of `waiting` (or startedAt): how long the instance has not moved on. */
  waitingSince: string;
  waiting: WaitingElement[];
  incidents: InstanceIncident[];
}

/** all: every running instance (those with a failed step first); incident: only those with a failed step. */
export const INSTANCE_PROBLEMS = ['all', 'incident'] as const;
export type InstanceProblem = (typeof INSTANCE_PROBLEMS)[number];

/** What a retry answers. */
export const incidentRetriedSchema = z.object({
  incidentKey: z.string(),
  instanceKey: z.string(),
  incidentNumber: z.string().nullable(),
  retries: z.number().int(),
});
export type IncidentRetried = z.infer<typeof incidentRetriedSchema>;
