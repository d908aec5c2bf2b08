import http from 'node:http';

/** One `GET /api/events` stream that records when each `task.created` event arrived (performance.now()). */
export interface TimedStream {
  arrivals: Map<string, number>;
  close(): void;
}

/** Opens an event stream like a browser's EventSource, with a bare HTTP request (500 of them must be cheap). */
export function openTimedStream(baseUrl: string, cookie: string): Promise<TimedStream> {
  const arrivals = new Map<string, number>();
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
          if (!data || !data.includes('task.created')) continue;
          const { taskKey } = JSON.parse(data) as { taskKey: string };
          if (!arrivals.has(taskKey)) arrivals.set(taskKey, at);
        }
      });
      response.on('error', () => undefined);
      resolve({ arrivals, close: () => request.destroy() });
    });
    request.on('error', reject);
  });
}
