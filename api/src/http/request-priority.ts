import type { RequestHandler } from 'express';
import { runInLane } from '@kuaibao/db';

/** Methods that change nothing: a person waits on them, as on a page opening. */
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Marks a request's database work: reads in the interactive lane, writes (a submit, a completion) in the write lane.
 * On PGlite (one connection) both are served before the embedded workers' background transactions, reads first
 * (docs/adr/0065); on PostgreSQL the embedded workers' background connections are held to one while a request has one
 * (docs/adr/0071). Mounted after the body parsers: they call `next` from the
 * socket's events, outside the context `runInLane` sets.
 */
export const requestPriority: RequestHandler = (req, _res, next) => runInLane(READS.has(req.method) ? 'interactive' : 'write', next);
