import http from 'node:http';

/** One `GET /api/events` stream that records when each `task.created` event arrived (performance.now()). */
export interface TimedStream {
  arrivals: Map<string, number>;
  close(): void;
}

/** Opens an event stream like a browser's EventSource, with a bare HTTP request (500 of them must be cheap). */
export function openTimedStream(baseUrl: string, cookie: string): Promise<TimedStream> {
  const arrivals = new Map<string, number>();
  return openEventStream(baseUrl, cookie, (type, taskKey, at) => {
    if (type === 'task.created' && !arrivals.has(taskKey)) arrivals.set(taskKey, at);
  }).then((close) => ({ arrivals, close }));
}

/**
 * A user's inbox as a browser watches it: the event stream says when a task of theirs was created, and the
 * client then reads its inbox once (web/src/api/live-events.ts), instead of polling it.
 */
export interface InboxWatch {
  /** How many `task.created` events have arrived so far. */
  readonly created: number;
  /** Resolves when more than `seen` have arrived, or after `timeoutMs` (a missed event costs a read, not the chain). */
  createdSince(seen: number, timeoutMs: number): Promise<void>;
  close(): void;
}

export async function openInboxWatch(baseUrl: string, cookie: string): Promise<InboxWatch> {
  let created = 0;
  let waiters: (() => void)[] = [];
  const close = await openEventStream(baseUrl, cookie, (type) => {
    if (type !== 'task.created') return;
    created++;
    const woken = waiters;
    waiters = [];
    for (const wake of woken) wake();
  });
  return {
    get created() {
      return created;
    },
    createdSince(seen, timeoutMs) {
      if (created > seen) return Promise.resolve();
      return new Promise((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
    close,
  };
}

type OnEvent = (type: string, taskKey: string, at: number) => void;

function openEventStream(baseUrl: string, cookie: string, onEvent: OnEvent): Promise<() => void> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${baseUrl}/api/events`, { headers: { accept: 'text/event-stream', cookie }, agent: false }, (response) => {
      if (response.statusCode !== 200) return reject(new Error(`GET /api/events: ${response.statusCode}`));
      response.setEncoding('utf8');
      let buffer = '';
      response.on('data', (chunk: string) => {
        const at = performance.now();
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const data = /^data: (.*)$/m.exec(buffer.slice(0, end))?.[1];
          buffer = buffer.slice(end + 2);
          if (!data || !data.includes('taskKey')) continue;
          const { type, taskKey } = JSON.parse(data) as { type: string; taskKey: string };
          onEvent(type, taskKey, at);
        }
      });
      response.on('error', () => undefined);
      resolve(() => request.destroy());
    });
    request.on('error', reject);
  });
}
