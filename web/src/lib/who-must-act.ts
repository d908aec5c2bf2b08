import { isCandidateGroup, parseCandidateGroup, type Role } from '@kuaibao/domain';
import type { WaitingTask } from '../api/types';

/** One who may take an open task: a unit's role (`unit:<unitId>:<role>`), a user named on the task, or a group of another form. */
export type Candidate = { kind: 'group'; unitId: string; role: Role } | { kind: 'user'; username: string } | { kind: 'other'; group: string };

/** Who must act on an open user task: the user holding it, or else everyone who may claim it (none: no one is named). */
export type Actors = { kind: 'assignee'; username: string } | { kind: 'candidates'; candidates: Candidate[] };

export function whoMustAct(task: Pick<WaitingTask, 'assignee' | 'candidateGroups' | 'candidateUsers'>): Actors {
  if (task.assignee) return { kind: 'assignee', username: task.assignee };
  const groups = [...new Set(task.candidateGroups)].map((group): Candidate => (isCandidateGroup(group) ? { kind: 'group', ...parseCandidateGroup(group) } : { kind: 'other', group }));
  const users = [...new Set(task.candidateUsers)].map((username): Candidate => ({ kind: 'user', username }));
  return { kind: 'candidates', candidates: [...groups, ...users] };
}
