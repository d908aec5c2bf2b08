import { client, firstReport, login, type Client } from '../../test/api/client';
import { openInboxWatch, type InboxWatch } from './sse-client';

export const FLOW_USERS = ['lx_reporter', 'lx_verifier', 'lx_leader', 'lc_yjj_duty', 'lx_duty', 'lc_duty'] as const;
type FlowUser = (typeof FLOW_USERS)[number];

/** The human steps of the default flow, in order, with who does them and what they answer. */
const STEPS: { user: FlowUser; kind: string; body: unknown }[] = [
  { user: 'lx_verifier', kind: 'verify', body: { decision: 'confirm', opinion: '属实' } },
  { user: 'lx_leader', kind: 'sign_off', body: { decision: 'approve' } },
  { user: 'lc_yjj_duty', kind: 'acknowledge_superior', body: {} },
  { user: 'lx_duty', kind: 'acknowledge_government', body: {} },
  { user: 'lc_duty', kind: 'receive_city', body: {} },
];

export interface FlowStats {
  reports: number;
  errors: number;
  /** ms from a task completed (or the report submitted) until the next task shows in its inbox. */
  stepLatenciesMs: number[];
  /** The same, by the kind of the task waited for (what the flow runs between differs: one step, or a chain of service tasks). */
  stepLatenciesByKind?: Record<string, number[]>;
}

export async function loginAll(baseUrl: string): Promise<Record<FlowUser, Client>> {
  const entries = await Promise.all(FLOW_USERS.map(async (u) => [u, await login(baseUrl, u)] as const));
  return Object.fromEntries(entries) as Record<FlowUser, Client>;
}

/** Each user's event stream, as the web app keeps one open (web/src/api/live-events.ts). */
export async function watchAll(baseUrl: string, users: Record<FlowUser, Client>): Promise<Record<FlowUser, InboxWatch>> {
  const entries = await Promise.all(FLOW_USERS.map(async (u) => [u, await openInboxWatch(baseUrl, users[u].cookie)] as const));
  return Object.fromEntries(entries) as Record<FlowUser, InboxWatch>;
}

/**
 * How a user learns of the next task: as the web app does, by reading the inbox when its event stream says a task
 * was created (`watches`); or by reading it every `pollMs`.
 */
export type NextTaskWait = { watches: Record<FlowUser, InboxWatch> } | { pollMs: number };

/** A read of the inbox that found nothing waits at most this long for an event before reading again. */
const EVENT_FALLBACK_MS = 1_000;

/** One report through the whole default flow over HTTP, every human step by its user. */
export async function runOneReport(users: Record<FlowUser, Client>, stats: FlowStats, wait: NextTaskWait): Promise<void> {
  const submitted = await users.lx_reporter.post('/api/reports', firstReport({ title: `压测 ${Date.now()}` }));
  if (submitted.status !== 201) return void stats.errors++;
  const number: string = submitted.body.incidentNumber;
  let since = performance.now();
  for (const step of STEPS) {
    const watch = 'watches' in wait ? wait.watches[step.user] : null;
    const key = await waitForTaskKey(users[step.user], number, step.kind, stats, watch, 'pollMs' in wait ? wait.pollMs : 0);
    if (!key) return;
    const latency = performance.now() - since;
    stats.stepLatenciesMs.push(latency);
    if (stats.stepLatenciesByKind) (stats.stepLatenciesByKind[step.kind] ??= []).push(latency);
    const done = await users[step.user].post(`/api/tasks/${key}/complete`, step.body);
    if (done.status !== 204) return void stats.errors++;
    since = performance.now();
  }
  stats.reports++;
}

async function waitForTaskKey(user: Client, number: string, kind: string, stats: FlowStats, watch: InboxWatch | null, pollMs: number): Promise<string | null> {
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    // Counted before the read: an event arriving while it runs means read again at once.
    const seen = watch?.created ?? 0;
    const inbox = await user.get(`/api/tasks?kind=${kind}&pageSize=200&sort=created`);
    if (inbox.status !== 200) {
      stats.errors++;
      return null;
    }
    const task = (inbox.body.items as { incidentNumber: string; key: string }[]).find((t) => t.incidentNumber === number);
    if (task) return task.key;
    if (watch) await watch.createdSince(seen, EVENT_FALLBACK_MS);
    else await new Promise((r) => setTimeout(r, pollMs));
  }
  stats.errors++;
  return null;
}

export const anonymous = client;
