import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveClocks, type ClockInput, type Severity } from '@kuaibao/domain';
import { loadPolicies, PolicyFileError, policyResolver } from './index';

/** Beijing time on a fixed day: 事发 08:00, 获知 08:10, 接报 08:20. No real clock anywhere. */
const at = (hhmm: string) => new Date(`2026-11-23T${hhmm}:00+08:00`).toISOString();
const times = { occurredAt: new Date(at('08:00')), learnedAt: new Date(at('08:10')), receivedAt: new Date(at('08:20')) };
const policies = loadPolicies();

type Row = [jurisdiction: string, case_: string, input: Partial<ClockInput> & { severity: Severity }, expected: string[]];

/** One row per row of the deadline table of DOMAIN.md (and its 核报 line): channel → recipient @ due time. */
const TABLE: Row[] = [
  ['530900', '临沧 较大: 口头 30 min, 书面 1 h from 接报', { severity: 'III' }, ['phone→city_duty_office@08:50', 'written→city_duty_office@09:20']],
  ['530900', '临沧 重大: 电话 30 min, 书面 1 h from 接报', { severity: 'II' }, ['phone→city_duty_office@08:50', 'written→city_duty_office@09:20']],
  ['530900', '临沧 特别重大: 电话 30 min, 书面 1 h from 接报', { severity: 'I' }, ['phone→city_duty_office@08:50', 'written→city_duty_office@09:20']],
  ['530900', '临沧 敏感 (any grade): immediately', { severity: 'IV', sensitive: true }, ['phone→city_duty_office@08:20', 'written→city_duty_office@08:20']],
  ['530900', '临沧 重大 and 可能升级: the stricter 立即 wins', { severity: 'II', mayEscalate: true }, ['phone→city_duty_office@08:20', 'written→city_duty_office@08:20']],
  ['530900', '临沧 一般: the notice sets no figure', { severity: 'IV' }, []],
  ['530900', '临沧 核报: phone 1 h, written 2 h 30 min from the request', { severity: 'IV', kind: 'verification' }, ['phone→city_duty_office@09:20', 'written→city_duty_office@10:50']],
  ['320585', '太仓 一般: 45 min from 事发', { severity: 'IV' }, ['phone→city_duty_office@08:45', 'written→city_duty_office@08:45']],
  ['320585', '太仓 较大: 45 min from 事发', { severity: 'III' }, ['phone→city_duty_office@08:45', 'written→city_duty_office@08:45']],
  ['320585', '太仓 重大: 电话 15 min, 书面 30 min from 事发', { severity: 'II' }, ['phone→city_duty_office@08:15', 'written→city_duty_office@08:30']],
  ['320585', '太仓 特别重大: 电话 15 min, 书面 30 min from 事发', { severity: 'I' }, ['phone→city_duty_office@08:15', 'written→city_duty_office@08:30']],
  ['320585', '太仓 敏感: immediately', { severity: 'ungraded', sensitive: true }, ['phone→city_duty_office@08:00', 'written→city_duty_office@08:45']],
  ['140000', '山西 any: local government 1 h, whole chain 2 h from 获知', { severity: 'IV' }, ['phone→local_government@09:10', 'phone→province@10:10']],
  ['140000', '山西 Ⅱ: province and superior government 1 h from 获知', { severity: 'II' }, ['phone→local_government@09:10', 'phone→province@09:10', 'phone→superior_government@09:10']],
  ['140000', '山西 Ⅰ: province and superior government 1 h from 获知', { severity: 'I' }, ['phone→local_government@09:10', 'phone→province@09:10', 'phone→superior_government@09:10']],
  ['140000', '山西 敏感: as Ⅰ/Ⅱ, whatever the grade', { severity: 'IV', sensitive: true }, ['phone→local_government@09:10', 'phone→province@09:10', 'phone→superior_government@09:10']],
  ['140000', '山西 province → State Council: 4 h from 接报', { severity: 'I', party: 'province' }, ['phone→state_council@12:20']],
  ['140000', '山西 province → State Council: Ⅰ/Ⅱ only (ADR 0057)', { severity: 'III', party: 'province' }, []],
  ['city-party-committee-003', '某市委 any: 30 min from 事发 to the duty room', { severity: 'III' }, ['phone→city_party_committee_duty_room@08:30']],
];

const show = (clocks: ReturnType<typeof resolveClocks>) =>
  clocks.map((c) => `${c.channel}→${c.to}@${new Date(Date.parse(c.dueAt) + 8 * 3600_000).toISOString().slice(11, 16)}`).sort();

describe('jurisdiction policies', () => {
  it('ship 临沧, 太仓, 山西, 许昌, the 003 市委 practice and a default, all valid', () => {
    expect([...policies.keys()].sort()).toEqual(['140000', '320585', '411000', '530900', 'city-party-committee-003', 'default']);
  });

  it.each(TABLE)('%s: %s', (code, _case, input, expected) => {
    // given
    const policy = policies.get(code)!;

    // when
    const clocks = resolveClocks(policy, { kind: 'first', ...times, ...input });

    // then
    expect(show(clocks)).toEqual([...expected].sort());
    expect(clocks.every((c) => c.policyCode === code && c.policyVersion === policy.version && /^\d{3} /.test(c.rule))).toBe(true);
  });

  it('choose the nearest policy up the division tree, else the default', () => {
    const resolve = policyResolver(policies);
    expect(resolve('530902')?.code).toBe('530900'); // 临翔区 → 临沧市
    expect(resolve('530902001')?.code).toBe('530900'); // a street of 临翔区
    expect(resolve('140105')?.code).toBe('140000'); // a district of 太原 → 山西省
    expect(resolve('411002')?.code).toBe('411000');
    expect(resolve('110101')?.code).toBe('default');
    expect(resolve('city-party-committee-003')?.code).toBe('city-party-committee-003');
  });

  it('carry the flow switches of 000, 003 and 004', () => {
    expect(policies.get('530900')!.directToCityDutyOfficeWhenUrgent).toBe(true);
    expect(policies.get('city-party-committee-003')!.sectorLeaderSignOffFor).toEqual(['I', 'II']);
    expect(policies.get('411000')!.requiresCityApprovalForProvince).toBe(true);
  });
});

describe('loadPolicies', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function withPolicy(code: string, data: unknown) {
    dir = mkdtempSync(path.join(tmpdir(), 'kuaibao-policies-'));
    mkdirSync(path.join(dir, code));
    writeFileSync(path.join(dir, code, 'policy.json'), typeof data === 'string' ? data : JSON.stringify(data));
    return path.join(dir, code, 'policy.json');
  }

  it('names the file and the field path of bad data', () => {
    // given
    const bad = structuredClone(policies.get('530900')!) as Record<string, any>;
    bad.clocks[1].within = '1 小时';
    const file = withPolicy('530900', bad);

    // when / then
    expect(() => loadPolicies(dir)).toThrow(PolicyFileError);
    expect(() => loadPolicies(dir)).toThrow(new RegExp(`${file.replace(/[.\\]/g, '\\$&')}[\\s\\S]*clocks\\.1\\.within`));
  });

  it('refuses unparseable JSON and a code that is not its folder', () => {
    withPolicy('530900', '{ "code": ');
    expect(() => loadPolicies(dir)).toThrow(/530900.policy\.json[\s\S]*\(file\)/);
    rmSync(dir, { recursive: true, force: true });
    withPolicy('530901', policies.get('530900'));
    expect(() => loadPolicies(dir)).toThrow(/code: "530900" differs from its folder "530901"/);
  });
});
