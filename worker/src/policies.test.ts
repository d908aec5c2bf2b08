import { describe, expect, it } from 'vitest';
import { deployedPolicies } from './policies';

const lincang = (version: number, within: string) => ({
  code: '530900', name: '临沧市', nameEn: 'Lincang City', version, effectiveFrom: '2020-04-28',
  sources: [{ seed: '000', title: '临政办发〔2020〕39号' }],
  clocks: [{ severity: 'II', reportKind: 'first', channel: 'phone', within, from: 'received', to: 'city_duty_office', rule: '000 三（二）二 电话' }],
  reminders: ['PT15M'],
  escalation: { recipients: ['current_assignees'] },
  requiresCityApprovalForProvince: false, directToCityDutyOfficeWhenUrgent: true, sectorLeaderSignOffFor: [],
});

/** A policy store whose deployed documents the test changes, counting the reads of whole documents. */
function store(documents: ReturnType<typeof lincang>[]) {
  const reads = { documents: 0 };
  return {
    reads,
    documents,
    repository: {
      latestVersions: async () => documents.map(({ code, version }) => ({ code, version })),
      latest: async () => {
        reads.documents++;
        return [...documents];
      },
    },
  };
}

describe('deployed policies', () => {
  it('parses a stored version once, and reads the documents again as soon as another version is in effect', async () => {
    // given
    const deployed = store([lincang(1, 'PT30M')]);
    const policies = deployedPolicies(deployed.repository);

    // when / then: the same version twice reads the documents once
    expect((await policies('530902'))?.clocks[0]?.within).toBe('PT30M');
    expect((await policies('530902'))?.version).toBe(1);
    expect(deployed.reads.documents).toBe(1);

    // a new version is resolved at the next call
    deployed.documents.splice(0, 1, lincang(2, 'PT1H'));
    expect((await policies('530902'))?.clocks[0]?.within).toBe('PT1H');
    expect(deployed.reads.documents).toBe(2);
    expect((await policies('530902'))?.version).toBe(2);
    expect(deployed.reads.documents).toBe(2);
  });
});
