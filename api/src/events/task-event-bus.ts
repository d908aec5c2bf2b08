import { EventEmitter } from 'node:events';

export const TASK_EVENT_TYPES = ['task.created', 'task.claimed', 'task.unclaimed', 'task.completed', 'task.ended'] as const;
export type TaskEventType = (typeof TASK_EVENT_TYPES)[number];

/** Something changed in somebody's inbox. Carries no report content: browsers refetch what they may see. */
export interface TaskEvent {
  type: TaskEventType;
  taskKey: string;
  /** The assignee after the change (null: nobody holds it). */
  assignee: string | null;
  /** Who should hear of it: the task's candidate groups, and its candidate users, assignee and former assignee. */
  audience: { groups: string[]; users: string[] };
}

/**
 * The in-process event bus behind `GET /api/events`. Sources: the task service (claim, unclaim,
 * complete) and the open-task watcher (tasks the engine created or ended). One process only: with
 * several API processes each runs its own watcher, which sees every engine change through the database.
 */
export class TaskEventBus {
  private readonly emitter = new EventEmitter();
  private closed = false;

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  publish(event: TaskEvent): void {
    if (this.closed) return;
    this.emitter.emit('event', event);
    this.emitter.emit('observed', event);
  }

  /** Sees every event without counting as a subscriber (the watcher keeps its picture current with it). */
  observe(listener: (event: TaskEvent) => void): () => void {
    this.emitter.on('observed', listener);
    return () => this.emitter.off('observed', listener);
  }

  /** Listens until the returned function is called or the bus closes (then `onClose` runs). */
  subscribe(listener: (event: TaskEvent) => void, onClose: () => void = () => undefined): () => void {
    if (this.closed) {
      queueMicrotask(onClose);
      return () => undefined;
    }
    this.emitter.on('event', listener);
    this.emitter.on('close', onClose);
    return () => {
      this.emitter.off('event', listener);
      this.emitter.off('close', onClose);
    };
  }

  /** How many streams listen: the watcher polls only while someone does. */
  get subscribers(): number {
    return this.emitter.listenerCount('event');
  }

  /** Ends every stream (server shutdown: open SSE responses would otherwise keep it waiting). */
  close(): void {
    this.closed = true;
    this.emitter.emit('close');
    this.emitter.removeAllListeners();
  }
}

/** Whether a user (by username and candidate groups) is in the audience of an event. */
export function concerns(event: TaskEvent, user: { username: string; groups: readonly string[] }): boolean {
  return event.audience.users.includes(user.username) || event.audience.groups.some((g) => user.groups.includes(g));
}
