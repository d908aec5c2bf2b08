import type { StepCommand, Variables, WorkflowEngine } from '@kuaibao/engine';
import type { PrismaClient } from '@prisma/client';

/** The engine's answer for a task or job that is no longer open (EngineError codes; checked by shape: db does not depend on the engine's code). */
const noLongerOpen = (error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'INVALID_STATE' || code === 'NOT_FOUND';
};

/**
 * At start, on an engine that cannot share our transaction (Zeebe): sends again every completion whose
 * business writes committed (a completion's, or a cancel's: 撤回) but whose command the engine may not have received (the process died in
 * between), and drops each one the engine accepted or no longer has open. Returns how many were sent.
 */
export async function reconcilePendingCommands(prisma: PrismaClient, engine: Pick<WorkflowEngine, 'completeUserTask' | 'completeJob' | 'cancelInstance'>): Promise<number> {
  const rows = await prisma.pendingEngineCommand.findMany({ orderBy: { createdAt: 'asc' } });
  let sent = 0;
  for (const row of rows) {
    const command: StepCommand = { kind: row.kind as StepCommand['kind'], key: row.key, variables: row.variables as Variables };
    try {
      if (command.kind === 'completeUserTask') await engine.completeUserTask(command.key, command.variables);
      else if (command.kind === 'cancelInstance') await engine.cancelInstance(command.key);
      else await engine.completeJob(command.key, command.variables);
      sent++;
    } catch (error) {
      if (!noLongerOpen(error)) throw error;
    }
    await prisma.pendingEngineCommand.delete({ where: { id: row.id } });
  }
  return sent;
}
