import { createClockRepository, createInboxRepository, type Database, type InboxRepository, type IncidentRepository } from '@kuaibao/db';
import type { SelectedEngine } from '@kuaibao/engine';
import { createEngineInbox } from './engine-inbox';

/**
 * The inbox of the engine in use: one SQL query over the embedded engine's task table, or, on Zeebe,
 * a search through the port (each task's variables cost a REST call, so the live-inbox watcher looks
 * less often there).
 */
export function inboxFor(selected: Pick<SelectedEngine, 'kind' | 'engine'>, db: Database, incidents: IncidentRepository): { inbox: InboxRepository; watchIntervalMs: number } {
  return selected.kind === 'zeebe'
    ? { inbox: createEngineInbox(selected.engine, incidents, createClockRepository(db.prisma)), watchIntervalMs: 2_000 }
    : { inbox: createInboxRepository(db.driver), watchIntervalMs: 500 };
}
