import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type Database } from '../index';
import { createPolicyRepository, PolicyVersionConflict } from './policies';

const policy = (version: number, within = 'PT30M') => ({
  code: '530900', name: '临沧市', version, effectiveFrom: '2020-04-28', clocks: [{ severity: 'II', channel: 'phone', within }],
});

describe('jurisdiction policy repository', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.close());

  it('stores a version once, refuses other content under the same version, and serves the newest', async () => {
    // given
    const policies = createPolicyRepository(db.prisma);

    // when / then: first deploy stores, the same again changes nothing
    expect(await policies.deploy([policy(1)])).toEqual([{ code: '530900', version: 1 }]);
    expect(await policies.deploy([{ ...policy(1), clocks: [{ within: 'PT30M', channel: 'phone', severity: 'II' }] }])).toEqual([]);

    // a changed file under the old version number is refused; a new version is added beside the old one
    await expect(policies.deploy([policy(1, 'PT1H')])).rejects.toBeInstanceOf(PolicyVersionConflict);
    expect(await policies.deploy([policy(2, 'PT1H')])).toEqual([{ code: '530900', version: 2 }]);
    expect(await policies.latest()).toEqual([policy(2, 'PT1H')]);
    expect(await policies.latestVersions()).toEqual([{ code: '530900', version: 2 }]);
    expect(await policies.get('530900', 1)).toEqual(policy(1));
  });

  it('serves the newest version in effect, stores a designer\'s version with its audit once, and lists the versions', async () => {
    // given
    const policies = createPolicyRepository(db.prisma);
    const edit = { baseVersion: 1, comment: '较大事件提前', savedBy: 'u-designer', savedByName: '吴敏', changes: ['clocks.0.within'] };
    const future = { ...policy(1), code: '530100', name: '昆明市', effectiveFrom: '2027-01-01', version: 2 };
    expect(await policies.deploy([{ ...policy(1), code: '530100', name: '昆明市' }])).toEqual([{ code: '530100', version: 1 }]);

    // when
    expect(await policies.saveEdit(future, edit, new Date('2026-12-06T02:00:00Z'))).toBe(true);
    expect(await policies.saveEdit({ ...future, name: '又一次' }, edit, new Date('2026-12-06T02:00:00Z'))).toBe(false);

    // then: v2 waits for its day
    const byCode = async (at: Date) => ((await policies.latest(at)) as { code: string; version: number }[]).find((p) => p.code === '530100')?.version;
    expect(await byCode(new Date('2026-12-31T15:59:59Z'))).toBe(1);
    expect(await byCode(new Date('2026-12-31T16:00:00Z'))).toBe(2); // 2027-01-01 00:00 in Beijing
    const versions = await policies.versions('530100');
    expect(versions.map((v) => [v.version, v.edit?.savedByName ?? null, v.edit?.changes ?? null])).toEqual([[2, '吴敏', ['clocks.0.within']], [1, null, null]]);
    expect((versions[0]!.content as { name: string }).name).toBe('昆明市');
  });
});
