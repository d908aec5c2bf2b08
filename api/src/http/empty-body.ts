import { z } from 'zod';

/** For write endpoints that take no input: nothing, or an empty JSON object. */
export const emptyBodySchema = z.strictObject({});
