import { z } from 'zod';
import { reportCategorySchema, type ReportCategory } from './report-enums';

/**
 * Reporting thresholds (重要紧急信息报送范围) of seed 003, 第一篇, as data. `source` names the item
 * (一 事件类, 二 案件类, 三 事故类, 四 灾情疫情类). A rule fires when ANY of its figures reaches its
 * minimum; "以上" includes the number itself (含本数), as the seed spells out for most items and as
 * Chinese legal usage reads it elsewhere. `always`: the kind of incident is itself the threshold.
 * Items the seed leaves redacted (一、10; 二、8) or purely open-ended ("其它…") are not encoded; they fall
 * under the special circumstances of mustReport (sensitive place, special persons, …).
 */
export const THRESHOLD_METRICS = [
  'dead',
  /** 死伤: dead plus injured. */
  'deadOrInjured',
  'seriouslyInjured',
  'missing',
  'poisoned',
  /** 发病人数. */
  'sick',
  'participants',
  'petitionersToBeijing',
  'petitionersToRegionCapital',
  /** 倒塌房屋（间）. */
  'housesCollapsed',
  'directLossYuan',
  'collectiveLossYuan',
  'individualLossYuan',
  /** Direct loss from interrupted transport, telecoms or power supply. */
  'interruptionLossYuan',
  'forestDestroyedMu',
  'cropAffectedMu',
  'cropFailureMu',
  'cashRobbedYuan',
  'propertyRobbedYuan',
  /** 案值 / 涉案金额. */
  'caseValueYuan',
] as const;
export const thresholdMetricSchema = z.enum(THRESHOLD_METRICS);
export type ThresholdMetric = z.infer<typeof thresholdMetricSchema>;

export const thresholdRuleSchema = z.object({
  category: reportCategorySchema,
  /** Item of seed 003 第一篇, e.g. "三、2". */
  source: z.string().min(1),
  name: z.object({ 'zh-CN': z.string().min(1), en: z.string().min(1) }),
  always: z.boolean(),
  anyOf: z.partialRecord(thresholdMetricSchema, z.number().positive()),
});
export type ThresholdRule = z.infer<typeof thresholdRuleSchema>;

type Minimums = Partial<Record<ThresholdMetric, number>>;
const rule = (category: ReportCategory, source: string, [zh, en]: [string, string], anyOf: Minimums | 'always') => ({
  category,
  source,
  name: { 'zh-CN': zh, en },
  always: anyOf === 'always',
  anyOf: anyOf === 'always' ? {} : anyOf,
});
const S = 'social_security';
const A = 'accident_disaster';

const RULES = {
  attack_on_party_government: rule(S, '一、1', ['冲击、围攻党政机关或打砸抢烧的群体性事件', 'Mass incident attacking party or government offices'], 'always'),
  obstructing_key_project: rule(S, '一、2', ['严重阻挠重点建设工程施工的群体性事件', 'Mass incident obstructing a key construction project'], 'always'),
  police_deployment_casualties: rule(S, '一、3', ['已动用警力并在处置中造成人员伤亡的事件', 'Police deployed and people killed or injured'], { deadOrInjured: 1 }),
  group_fight: rule(S, '一、4', ['群体性械斗', 'Group fight'], { participants: 5, deadOrInjured: 1 }),
  bank_run: rule('economic_security', '一、5', ['金融挤兑或因金融风险引起的群体性事件', 'Bank run or mass incident from financial risk'], 'always'),
  illegal_organization: rule(S, '一、6', ['非法组党、结社集会及非法宗教等组织的非法活动', 'Illegal organisations and their activities'], 'always'),
  unauthorized_clan_gathering: rule(S, '一、7', ['未经允许、规模较大的联宗祭祖等群体活动', 'Large unauthorised clan gathering'], 'always'),
  // 一、8 also names "10人左右且可能诱发暴力" — a judgement, reported through mayEscalate.
  petition: rule(S, '一、8', ['可能进京或进自治区的上访', 'Petitioners who may go to Beijing or the regional capital'], { petitionersToBeijing: 1, petitionersToRegionCapital: 2 }),
  assembly_protest: rule(S, '一、9', ['集会、请愿、示威、游行、罢课', 'Assembly, petition, demonstration, march or strike'], { participants: 10 }),
  traffic_blocking_mass_incident: rule(S, '一、11', ['造成铁路、高速公路、国道、省道交通中断的群体性事件', 'Mass incident blocking a railway or highway'], 'always'),
  homicide: rule(S, '二、1', ['杀人案', 'Homicide'], { dead: 1 }),
  robbery: rule(S, '二、2', ['抢劫案', 'Robbery'], { cashRobbedYuan: 100_000, propertyRobbedYuan: 200_000 }),
  robbery_of_financial_institution: rule(S, '二、2', ['抢劫金融机构、金库、运钞车', 'Robbery of a bank, vault or cash transport'], 'always'),
  absconding_with_funds: rule(S, '二、3', ['携款潜逃案', 'Absconding with funds'], { caseValueYuan: 1_000_000 }),
  illegal_fundraising: rule('economic_security', '二、4', ['造成较大社会影响的非法集资案', 'Illegal fundraising with wide impact'], 'always'),
  poisoning_case: rule(S, '二、5', ['投毒案件', 'Poisoning case'], { dead: 1, poisoned: 3 }),
  explosion: rule(S, '二、6', ['公共场所、重要设施爆炸案', 'Explosion in a public place or key facility'], 'always'),
  counterfeiting: rule(S, '二、7', ['制假、贩假案', 'Counterfeiting'], { caseValueYuan: 100_000, deadOrInjured: 1 }),
  weapons_or_hazardous_material_theft: rule(S, '二、9', ['军火、枪支弹药、放射性或剧毒材料失窃', 'Theft of weapons, radioactive or toxic material'], 'always'),
  obstructing_official_duty: rule(S, '二、10', ['致人员伤亡的妨碍公务案', 'Obstructing official duty with casualties'], { deadOrInjured: 1 }),
  hijacking_jailbreak_hostage_arson: rule(S, '二、11', ['劫车、越狱、劫持人质、纵火等恶性案件', 'Hijacking, jailbreak, hostage taking or arson'], 'always'),
  leak_of_state_secrets: rule(S, '二、12', ['重大失泄密案', 'Major leak of state secrets'], 'always'),
  air_crash: rule(A, '三、1', ['空难', 'Air crash'], 'always'),
  road_traffic_accident: rule(A, '三、2', ['道路交通事故', 'Road traffic accident'], { dead: 1, deadOrInjured: 5, directLossYuan: 500_000 }),
  safety_accident: rule(A, '三、3', ['安全事故', 'Safety accident'], { dead: 1, deadOrInjured: 5, directLossYuan: 1_000_000 }),
  fire: rule(A, '三、4', ['火灾事故', 'Fire'], { dead: 1, deadOrInjured: 5, directLossYuan: 1_000_000 }),
  public_place_security_accident: rule(A, '三、5', ['公共场所治安事故', 'Public-order accident in a public place'], { dead: 1, deadOrInjured: 5 }),
  hazardous_release: rule(A, '三、6', ['有毒化学物质泄漏、放射性物质扩散、严重环境污染', 'Toxic or radioactive release, severe pollution'], 'always'),
  reservoir_breach: rule('natural_disaster', '四、1', ['水库溃决或可能溃决', 'Reservoir breach or risk of breach'], 'always'),
  natural_disaster: rule('natural_disaster', '四、2', ['自然灾害', 'Natural disaster'], {
    dead: 1,
    seriouslyInjured: 3,
    missing: 2,
    housesCollapsed: 10,
    collectiveLossYuan: 100_000,
    individualLossYuan: 10_000,
    forestDestroyedMu: 5,
    cropAffectedMu: 100,
    cropFailureMu: 50,
    interruptionLossYuan: 500_000,
  }),
  spreading_epidemic: rule('public_health', '四、3', ['多方控制仍在扩散的重大疫情', 'Epidemic still spreading despite control'], 'always'),
  unknown_cause_illness: rule('public_health', '四、4', ['病因不明的群体性发病', 'Cluster of illness of unknown cause'], { sick: 5 }),
  major_epidemic: rule('public_health', '四、5', ['被医学界定、公众熟知的重大疫情', 'Recognised major epidemic'], 'always'),
  biochemical_disaster: rule('public_health', '四、6', ['影响较大的生化灾害', 'Biochemical disaster with wide impact'], 'always'),
} satisfies Record<string, z.input<typeof thresholdRuleSchema>>;

/** Incident types with a reporting threshold: the keys of the rules. */
export type IncidentType = keyof typeof RULES;
export const INCIDENT_TYPES = Object.keys(RULES) as [IncidentType, ...IncidentType[]];
export const incidentTypeSchema = z.enum(INCIDENT_TYPES);

/** The rules, validated when the module loads (a typo in a figure fails every test at once). */
export const THRESHOLD_RULES: Record<IncidentType, ThresholdRule> = z.record(incidentTypeSchema, thresholdRuleSchema).parse(RULES);
