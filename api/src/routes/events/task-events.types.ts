import { z } from 'zod';
import { TASK_EVENT_TYPES } from '../../events/task-event-bus';

/** A comment line this often keeps proxies from closing an idle stream; the session is re-checked then. */
export const HEARTBEAT_MS = 25_000;

/** The data of an `event: tasks` message. */
export const taskStreamMessageSchema = z.object({
  type: z.enum(TASK_EVENT_TYPES),
  taskKey: z.string(),
});
