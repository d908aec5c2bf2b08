import { z } from 'zod';

/** A deployed version's key (engine_definition.key); not an engine key at all is a 404, as an unknown one. */
export const definitionParamsSchema = z.strictObject({ key: z.string().min(1).max(32) });
