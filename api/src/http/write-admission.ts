import type { RequestHandler } from 'express';
import { AppError, bilingual } from '../errors/app-error';

export interface WriteAdmissionOptions {
  /** Writes served at once; more wait in line. */
  concurrency: number;
  /** Writes that may wait; one more is answered 503 at once. */
  queue: number;
  /** Seconds a client is told to wait before it tries again (Retry-After). */
  retryAfterSeconds: number;
}

/**
 * Admits state-changing requests a few at a time (docs/adr/0025): a burst of submits on PGlite, which has one connection,
 * otherwise starts more transactions than it can serve and each times out (500s, p50 17 s). Writes beyond `concurrency`
 * wait in a FIFO line of at most `queue`; beyond that the answer is 503 with Retry-After, before anything is done. Reads
 * are not held up: the inbox stays quick while a burst is queued.
 */
export function writeAdmission(options: WriteAdmissionOptions): RequestHandler & { readonly inFlight: number; readonly waiting: number } {
  let inFlight = 0;
  const line: (() => void)[] = [];
  const release = () => {
    const next = line.shift();
    if (next) next();
    else inFlight--;
  };
  const handler: RequestHandler = (req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next();
    let state: 'waiting' | 'admitted' | 'done' = 'waiting';
    const admit = () => {
      state = 'admitted';
      next();
    };
    // Once answered (or the client gone), the slot goes to the next in line; a client gone while waiting leaves the line.
    res.once('close', () => {
      if (state === 'admitted') release();
      else if (state === 'waiting') line.splice(line.indexOf(admit) >>> 0, 1);
      state = 'done';
    });
    if (inFlight < options.concurrency) {
      inFlight++;
      return admit();
    }
    if (line.length >= options.queue) {
      state = 'done';
      res.setHeader('Retry-After', String(options.retryAfterSeconds));
      return next(new AppError('OVERLOADED', bilingual('服务器繁忙，请稍后重试（请求未被处理）', 'The server is busy; try again shortly (nothing was done)')));
    }
    line.push(admit);
  };
  return Object.defineProperties(handler, {
    inFlight: { get: () => inFlight },
    waiting: { get: () => line.length },
  }) as RequestHandler & { readonly inFlight: number; readonly waiting: number };
}
