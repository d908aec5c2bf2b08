/** What an admin asks: the default list, free text, stuck at 审签, overdue, failed, a jurisdiction by deadline, an assignee, a far page. */
export const SEARCHES = [
  '',
  `q=${encodeURIComponent('山体滑坡')}`,
  'step=sign_off&stuckMinutes=120',
  'overdue=true&sort=overdueSince',
  'failed=true',
  'division=5309&sort=createdAt&order=desc',
  `assignee=${encodeURIComponent('张伟')}`,
  'number=BM-77&page=2&pageSize=50',
];
