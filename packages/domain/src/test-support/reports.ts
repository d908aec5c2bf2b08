/** Test fixtures (not exported from the package): report inputs as a client would send them. */

/** A complete, ordinary 首报 from 临翔区应急管理局. */
export function firstReportInput(): Record<string, unknown> {
  return {
    kind: 'first',
    title: '临翔区南塘街发生一起道路交通事故',
    category: 'accident_disaster',
    severity: 'ungraded',
    occurredAt: '2026-11-22T08:00:00+08:00',
    learnedAt: '2026-11-22T08:12:00+08:00',
    place: { divisionCode: '530902', address: '临翔区南塘街与滨河路交叉口', longitude: 100.08, latitude: 23.88 },
    reportingUnitId: 'lx-yjj',
    casualties: { dead: 1, injured: 4, seriouslyInjured: 1, missing: 0, trapped: 0 },
    course: '一辆货车与一辆轿车相撞，轿车侧翻。',
    harm: '造成1人死亡、4人受伤，道路单向通行受阻。',
    contact: { name: '李明', phone: '0883-2100001' },
  };
}

/** The secure-channel record of a classified report. */
export function secureTransmissionInput(): Record<string, unknown> {
  return { channel: 'encrypted_fax', handledBy: { name: '王芳', phone: '0883-2100002' }, sentAt: '2026-11-22T08:40:00+08:00' };
}

/** A classified 首报: who, when, how grave, which channel — no content. */
export function classifiedFirstReportInput(): Record<string, unknown> {
  const { kind, category, severity, occurredAt, learnedAt, reportingUnitId, contact } = firstReportInput();
  return { kind, classified: true, category, severity, occurredAt, learnedAt, reportingUnitId, contact, secureTransmission: secureTransmissionInput() };
}

type Issues = { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } };

/** [path, message] of each issue, paths joined with dots. */
export const issuesOf = (result: Issues) => (result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]);
export const pathsOf = (result: Issues) => issuesOf(result).map(([path]) => path);
