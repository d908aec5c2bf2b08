import type { OpenTaskHead, TaskChange, TaskChangeFeed } from '@kuaibao/db';

/**
 * A change feed for an engine that can only list its open tasks (Zeebe, whose user tasks live in the cluster,
 * ADR 0005): each look lists them all and compares the list with the previous one. Its cursor counts the
 * looks; the first look (cursor null) takes the first list and reports nothing.
 */
export function snapshotChanges(openTaskHeads: () => Promise<OpenTaskHead[]>): TaskChangeFeed {
  let known = new Map<string, OpenTaskHead>();
  let looks = 0;
  return async (cursor) => {
    const now = new Map((await openTaskHeads()).map((task) => [task.key, task]));
    const before = known;
    known = now;
    const changes: TaskChange[] = [];
    if (cursor !== null) {
      for (const [key, task] of now) {
        const old = before.get(key);
        if (!old) changes.push({ ...task, open: true, created: true, formerAssignee: null });
        else if (old.assignee !== task.assignee) changes.push({ ...task, open: true, created: false, formerAssignee: old.assignee });
      }
      for (const [key, task] of before) if (!now.has(key)) changes.push({ ...task, open: false, created: false, formerAssignee: null });
    }
    return { cursor: String(++looks), changes };
  };
}
