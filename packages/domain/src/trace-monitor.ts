import { z } from 'zod';
import { USER_TASK_KINDS } from './constants';

/*
 * 流程监控 search (issue 22, docs/adr/0040): the query the API parses and the page builds, and what it answers.
 */

/**
 * The statuses of a report whose flow still runs (the migration `20261206140000_trace_monitor` indexes exactly
 * these: keep the two in step). A report stopped at a failed step is found whatever its status.
 */
export const RUNNING_REPORT_STATUSES = ['submitting', 'verifying', 'signing', 'reported', 'requested', 'phone_answered'] as const;

export const MONITOR_SORTS = ['waitingSince', 'createdAt', 'number', 'overdueSince'] as const;
export type MonitorSort = (typeof MONITOR_SORTS)[number];

/** Query strings carry booleans as text: only `true` and `false` are accepted. */
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
const text = (max: number) => z.string().trim().min(1).max(max);

export const MONITOR_PAGE_SIZE = { default: 20, max: 100 } as const;

/** GET /api/admin/monitor/search: free text, filters, sort and page. Unknown keys are refused. */
export const monitorSearchQuerySchema = z.strictObject({
  /** Matches the incident number, the title or the reporting unit's name (contains, case-insensitive). */
  q: text(100).optional(),
  number: text(40).optional(),
  title: text(100).optional(),
  /** The reporting unit's id or a part of its name. */
  unit: text(100).optional(),
  /** bpmnProcessId of the report's flow. */
  process: text(100).optional(),
  version: z.coerce.number().int().min(1).max(100_000).optional(),
  /** The kind of an open task the report waits at (verify, sign_off, …). */
  step: z.enum(USER_TASK_KINDS).optional(),
  /** Username or a part of the display name of an open task's assignee. */
  assignee: text(60).optional(),
  /** Waiting at its current step for longer than this many minutes. */
  stuckMinutes: z.coerce.number().int().min(1).max(525_600).optional(),
  /** A statutory clock open past its deadline. */
  overdue: flag.optional(),
  /** A failed step (an open incident). */
  failed: flag.optional(),
  /** Jurisdiction: division code (prefix) of the reporting unit, e.g. 5309 for 临沧. */
  division: z.string().regex(/^\d{2,12}$/).optional(),
  sort: z.enum(MONITOR_SORTS).default('waitingSince'),
  order: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(MONITOR_PAGE_SIZE.max).default(MONITOR_PAGE_SIZE.default),
  lang: z.string().optional(),
});
export type MonitorSearchQuery = z.output<typeof monitorSearchQuerySchema>;

/** An open task a found report waits at. */
export interface MonitorTask {
  key: string;
  kind: string | null;
  assignee: string | null;
  assigneeName: string | null;
  candidateGroups: string[];
  createdAt: string;
}

/** One running report found by the search. */
export interface MonitorRow {
  instanceKey: string;
  reportId: string;
  reportKind: string;
  reportStatus: string;
  incidentNumber: string;
  title: string;
  classified: boolean;
  unit: { id: string; name: string; divisionCode: string };
  bpmnProcessId: string | null;
  version: number | null;
  createdAt: string;
  /** Since when it waits at its current step (the oldest open task, else its last status change). */
  waitingSince: string;
  /** The earliest deadline of an open clock already past; null when none is overdue. */
  overdueSince: string | null;
  failedSteps: number;
  tasks: MonitorTask[];
}

export interface MonitorPage {
  items: MonitorRow[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * The 流程监控 dashboard: the reports the search tracks (running, or stopped at a failed step) per open step and per
 * jurisdiction; how many are past a statutory deadline and how many stopped at a failed step (the search's totals for
 * `overdue=true` and `failed=true`), and their failed steps.
 */
export interface MonitorDashboard {
  running: number;
  byStep: { kind: string; count: number }[];
  byJurisdiction: { divisionCode: string; name: string; count: number }[];
  overdueReports: number;
  failedReports: number;
  failedSteps: number;
}
