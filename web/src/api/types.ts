import type { FirstReport, SessionUser } from '@kuaibao/domain';

/** What the web app reads from the API (see api/src/routes); dates are ISO strings. */
export type Me = SessionUser;

export interface InboxItem {
  key: string;
  instanceKey: string;
  elementId: string;
  name: string | null;
  kind: string | null;
  assignee: string | null;
  /** The holder's display name (assignee is their login id). */
  assigneeName: string | null;
  candidateGroups: string[];
  dueDate: string | null;
  createdAt: string;
  reportId: string;
  reportKind: string;
  /** The step the report has reached (domain report-status.ts). */
  reportStatus: string;
  /** 未经核实 (000): the report has not been through 核实 yet (a 越级 copy). */
  unverified?: boolean;
  incidentNumber: string;
  title: string;
  severity: string;
  category: string;
  reportingUnitId: string;
  deadline: TaskDeadline | null;
}

/** An open task's deadline: from the statutory clock its due date comes from (docs/adr/0009). */
export interface TaskDeadline {
  dueAt: string;
  remainingMs: number;
  overdue: boolean;
  channel: 'phone' | 'written' | null;
  rule: string | null;
  policyCode: string | null;
  policyVersion: number | null;
}

/** One statutory clock of a report, as the dossier shows it. */
export interface ClockView {
  channel: 'phone' | 'written';
  to: string | null;
  dueAt: string;
  startedAt: string;
  from: string;
  within: string;
  immediate: boolean;
  rule: string;
  policyCode: string;
  policyVersion: number;
  state: 'open' | 'overdue' | 'met' | 'late' | 'void';
  actualAt: string | null;
  metBy: 'phone_report' | 'written_report' | 'state_council_report' | null;
  remainingMs: number | null;
  /** Whose deadline: the reporting unit's, or the provincial recipient's own (to the State Council, docs/adr/0057). */
  party: 'reporting_unit' | 'province';
  /** The unit a province clock binds. */
  unitId: string | null;
}

export type InboxView = 'mine' | 'group' | 'all';

export interface InboxPage {
  items: InboxItem[];
  total: number;
  counts: { mine: number; group: number; all: number; overdue: number };
  page: number;
  pageSize: number;
}

export interface InboxQuery {
  view: InboxView;
  kind?: string | undefined;
  severity?: string | undefined;
  category?: string | undefined;
  unit?: string | undefined;
  overdue?: 'true' | 'false' | undefined;
  sort: 'due' | 'created';
  page: number;
}

/** A report's content as stored: the submitted 首报 (times as ISO strings). */
export type ReportContent = Partial<Omit<FirstReport, 'occurredAt' | 'learnedAt' | 'receivedAt' | 'phoneReportedAt'>> & {
  occurredAt?: string;
  learnedAt?: string;
  receivedAt?: string;
  phoneReportedAt?: string;
  /** 续报/终报 (their content is the whole report as it stands). */
  progress?: string;
  endedAt?: string;
};

/** One difference of a 续报/终报 from the previous report, labelled in the caller's language. */
export interface ReportChange {
  field: string;
  label: string;
  before: unknown;
  after: unknown;
}

export interface Opinion {
  at: string;
  actor: string;
  kind?: string | null;
  name?: string | null;
  decision?: string | null;
  opinion?: string | null;
  corrections?: string[];
}

export interface TaskDetail {
  task: {
    key: string;
    instanceKey: string;
    bpmnProcessId: string;
    elementId: string;
    name: string | null;
    kind: string | null;
    state: 'created' | 'completed' | 'canceled';
    assignee: string | null;
    assigneeName: string | null;
    candidateGroups: string[];
    dueDate: string | null;
    createdAt: string;
  };
  deadline: TaskDeadline | null;
  report: { id: string; kind: string; status: string; unverified?: boolean; content: ReportContent; incidentNumber: string; reportingUnitId: string };
  opinions: Opinion[];
}

export interface Receipt {
  role: string;
  unitId: string;
  unitName: string;
  receiverUnitId: string;
  receiverUnitName: string;
  dispatchedAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
}

export interface Workflow {
  instanceKey: string;
  bpmnProcessId: string;
  state: 'active' | 'completed' | 'canceled';
  version: number;
  /** The jurisdiction whose deployed version it runs; null: the shipped default. */
  jurisdiction: string | null;
  activeElements: { elementId: string; elementType: string }[];
  incidents: { key: string; elementId: string; errorMessage: string }[];
  openTasks: { key: string; elementId: string; name: string | null; kind: string | null; assignee: string | null; dueDate: string | null }[];
  completedElementIds: string[];
}

export interface TimelineEntry {
  at: string;
  actor: string;
  /** Done by the system (a workflow step), not a person: its name is shown in the UI's language. */
  system?: boolean;
  action: string;
  detail: Record<string, unknown> | null;
  reportId: string | null;
}

export interface Dossier {
  /** 领导批示 relayed on this incident (issue 23). */
  instructions?: import('./duty').Instruction[];
  number: string;
  title: string;
  category: string;
  severity: string;
  sensitive: boolean;
  status: 'open' | 'closed';
  reportingUnit: { id: string; name: string };
  occurredAt: string;
  learnedAt: string;
  createdAt: string;
  closedAt: string | null;
  /** 报送标准 (seed 003) decided at the 首报: mandatory or voluntary, with the rule; null before a written 首报. */
  threshold: { required: boolean; rule: string } | null;
  reports: {
    id: string;
    kind: string;
    status: string;
    /** 未经核实 (000): a 首报 not yet through 核实. */
    unverified?: boolean;
    sequence: number;
    content: ReportContent;
    /** null for a 首报. */
    changes: ReportChange[] | null;
    createdAt: string;
    /** 撤回 is open to me now (I submitted it and nobody has acted on it). */
    withdrawable?: boolean;
    workflow: Workflow | null | undefined;
    receipts: Receipt[];
    policy: { code: string; version: number } | null;
    clocks: ClockView[];
  }[];
  /** 核报 of this incident (ADR 0011). */
  verifications: Verification[];
  /** Whether the trail is its unbroken hash chain (ADR 0026); if not, the first entry where it breaks. */
  trailIntegrity: { intact: boolean; entries: number; broken: { entryId: string; chainSeq: number | null; at: string; action: string; problem: 'altered' | 'unlinked' | 'missing' } | null };
  timeline: TimelineEntry[];
}

export interface Verification {
  id: string;
  question: string;
  requestedBy: { id: string; name: string };
  target: { id: string; name: string };
  requestedAt: string;
  status: string;
  phoneDueAt: string | null;
  writtenDueAt: string | null;
  overdue: { phone: boolean; written: boolean };
  replies: { channel: 'phone' | 'written'; text: string; repliedAt: string; repliedBy: string; measured: { channel: string; dueAt: string | null; late: boolean }[] }[];
}

export interface IncidentSummary {
  number: string;
  title: string;
  category: string;
  severity: string;
  status: 'open' | 'closed';
  reportingUnitId: string;
  occurredAt: string;
  createdAt: string;
}

export interface OrgUnit {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  kind: string;
  level: string;
  parentId: string | null;
  superiorDepartmentId: string | null;
  sameLevelGovernmentId: string | null;
  divisionCode: string;
}

// 流程监控 (GET /api/admin/instances) and 报送时效统计 (GET /api/stats/timeliness): the domain's types, as the API builds them.
export type {
  ClockCounts, IncidentRetried, InstanceIncident, InstanceProblem, TimelinessStats, TracedInstance as MonitoredInstance, UnitTimeliness, WaitingElement, WaitingTask,
} from '@kuaibao/domain';
