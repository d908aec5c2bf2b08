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
    expect(await policies.get('530900', 1)).toEqual(policy(1));
  });
});
