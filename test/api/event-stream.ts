/** Reads `GET /api/events` (server-sent events) as the browser's EventSource would, for tests. */
export interface EventStream {
  status: number;
  contentType: string | null;
  /** Every message so far: `{ event, data }`. */
  messages: { event: string; data: any }[];
  /** Waits for a message that matches, or fails after `timeoutMs`. */
  next(match: (message: { event: string; data: any }) => boolean, timeoutMs?: number): Promise<{ event: string; data: any }>;
  ended: Promise<void>;
  close(): void;
}

export async function openEventStream(baseUrl: string, cookie = ''): Promise<EventStream> {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}/api/events`, { headers: { accept: 'text/event-stream', ...(cookie && { cookie }) }, signal: controller.signal });
  const messages: EventStream['messages'] = [];
  const waiters = new Set<() => void>();
  const ended = (async () => {
    if (!response.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data !== undefined) messages.push({ event, data: JSON.parse(data) });
          for (const wake of waiters) wake();
        }
      }
    } catch {
      // aborted by close()
    }
  })();
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    messages,
    ended,
    close: () => controller.abort(),
    next(match, timeoutMs = 3_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(match);
          if (!found) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(messages)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
  };
}
