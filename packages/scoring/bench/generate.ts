/**
 * Deterministic synthetic enterprise records for benchmarks and round-trip tests: a seeded PRNG
 * (mulberry32), realistic proportions (about 30% 规上), valid unique 统一社会信用代码. Strings are reused
 * wherever values repeat (names, towns, industry codes, small figures), so a million records stay lean.
 */
import { FIELDS, type FieldKey, type FlagKey, type ReasonKey } from '../src/records/fields.js';
import type { RawRow, RawTable } from '../src/records/parse.js';
import type { EnterpriseRecord, Specialized } from '../src/records/record.js';
import { USCC_CHARSET, usccCheckCharacter } from '../src/records/uscc.js';

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** mulberry32: a tiny, fast 32-bit PRNG; returns floats in [0, 1). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOWNS = [
  '城关街道',
  '东城街道',
  '西城街道',
  '南湖街道',
  '北港镇',
  '新桥镇',
  '石塘镇',
  '沙埠镇',
  '高桥镇',
  '江口镇',
  '大溪镇',
  '白云乡',
] as const;
const PARKS = ['经济开发区', '高新技术产业园', '滨海工业园', '小微企业园'] as const;
const INDUSTRIES = [
  ['C3670', '汽车零部件及配件制造'],
  ['C2927', '日用塑料制品制造'],
  ['C3484', '机械零部件加工'],
  ['C3311', '金属结构制造'],
  ['C3831', '电线、电缆制造'],
  ['C2710', '化学药品原料药制造'],
  ['C3442', '泵及真空设备制造'],
  ['C1810', '机织服装制造'],
  ['C2231', '纸和纸板容器制造'],
  ['C3985', '电子专用材料制造'],
  ['C2641', '涂料制造'],
  ['C3919', '其他计算机制造'],
  ['C3391', '黑色金属铸造'],
  ['C1951', '纺织面料鞋制造'],
  ['C2438', '珠宝首饰及有关物品制造'],
  ['C3874', '智能照明器具制造'],
] as const;
/** One BMP character per word, so `charAt` picks whole characters. */
const NAME_WORDS = '华东瑞恒信达鑫泰宏宇新丰盛安隆通星海明嘉博远昌润晨汇力源卓诚凯阳';
const NAME_KINDS = [
  '机械',
  '塑业',
  '电器',
  '科技',
  '精密',
  '汽配',
  '化工',
  '实业',
  '制药',
  '新材料',
  '五金',
  '服饰',
];
const NAME_SUFFIXES = ['有限公司', '股份有限公司', '制造有限公司'];
const VETO = [
  ['发生较大及以上安全生产事故'],
  ['环境违法被立案查处'],
  ['拖欠职工工资被列入失信名单'],
] as const;
const PROTECTED = [['省级重点培育企业'], ['新引进重大项目'], ['上市后备企业']] as const;
const EXEMPT = [['投产未满一年'], ['公用事业单位'], ['整体搬迁中'], ['破产清算中']] as const;
const NONE: readonly string[] = Object.freeze([]);

/** `9` 工商, `1` 企业, then one county's region code (a 浙江 example): all enterprises share it. */
const PREFIX = '91330382';
const ORG_SPACE = 31 ** 9;
const ORG_STRIDE = 1_000_003; // coprime with 31, so i ↦ i × stride + offset (mod 31⁹) is one-to-one

/** Figures are whole cents (or units) turned into canonical decimal strings, cached while small. */
class DecimalTexts {
  // Pre-filled, so the arrays stay in fast (not dictionary) mode however sparsely they are hit.
  private readonly cents: (string | undefined)[];
  private readonly units: (string | undefined)[];

  constructor(private readonly limit: number) {
    this.cents = new Array<string | undefined>(limit).fill(undefined);
    this.units = new Array<string | undefined>(limit).fill(undefined);
  }

  /** Hundredths → canonical text (`750` → `7.5`, `-5` → `-0.05`). */
  fromCents(value: number): string {
    if (value < 0) return '-' + this.fromCents(-value);
    if (value < this.limit) return (this.cents[value] ??= centsText(value));
    return centsText(value);
  }

  fromUnits(value: number): string {
    if (value >= 0 && value < this.limit) return (this.units[value] ??= String(value));
    return String(value);
  }
}

function centsText(value: number): string {
  const whole = Math.floor(value / 100);
  const fraction = value % 100;
  if (fraction === 0) return String(whole);
  if (fraction % 10 === 0) return String(whole) + '.' + String(fraction / 10);
  return String(whole) + (fraction < 10 ? '.0' : '.') + String(fraction);
}

/**
 * The code of enterprise `index`: `91`, the region, then `index × stride + offset` (mod 31⁹) written in
 * the code's own alphabet (unique for up to 31⁹ records), then the check character.
 */
function usccFor(index: number, offset: number): string {
  let value = (index * ORG_STRIDE + offset) % ORG_SPACE;
  let organisation = '';
  for (let position = 0; position < 9; position += 1) {
    organisation = USCC_CHARSET.charAt(value % 31) + organisation;
    value = Math.floor(value / 31);
  }
  const first17 = PREFIX + organisation;
  return first17 + usccCheckCharacter(first17);
}

/**
 * `count` valid, unique, deterministic records for `seed`. About 30% are 规上 with every figure the
 * reference method rates them on; 规下 carry electricity and sometimes revenue; a few are exempt, vetoed,
 * protected, or below 3 亩.
 */
export function generateRecords(count: number, seed: number): EnterpriseRecord[] {
  const random = mulberry32(seed);
  const chance = (p: number) => random() < p;
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const texts = new DecimalTexts(Math.min(1 << 20, Math.max(1 << 12, count)));
  const offset = Math.floor(random() * ORG_SPACE);

  const word = () => NAME_WORDS.charAt(Math.floor(random() * NAME_WORDS.length));
  const names: string[] = [];
  for (let index = 0; index < 4096; index += 1) {
    names.push(pick(TOWNS).slice(0, 2) + word() + word() + pick(NAME_KINDS) + pick(NAME_SUFFIXES));
  }

  const records: EnterpriseRecord[] = new Array<EnterpriseRecord>(count);
  for (let index = 0; index < count; index += 1) {
    const above = chance(0.3);
    const landCents = !above && chance(0.03) ? between(10, 299) : 300 + Math.floor(29_700 * random() ** 2);
    const perMu = above ? 0.5 + 40 * random() : 10 * random();
    const taxCents = chance(0.03)
      ? -between(1, 500)
      : Math.min(200_000, Math.floor((landCents * perMu) / 10) * 10 + between(0, 9));
    const industry = pick(INDUSTRIES);
    const specialized: Specialized = chance(0.01)
      ? 'national'
      : chance(above ? 0.12 : 0.03)
        ? 'province'
        : 'none';

    const record: Writable<EnterpriseRecord> = {
      uscc: usccFor(index, offset),
      name: pick(names),
      scale: above ? 'above' : 'below',
      landMu: texts.fromCents(landCents),
      tax: texts.fromCents(taxCents),
      specialized,
      subletTenants: chance(0.9) ? 0 : between(1, 5),
      emergencySupplier: chance(0.02),
      keyChainLink: chance(0.05),
      highTech: chance(above ? 0.25 : 0.03),
      vetoReasons: chance(0.005) ? pick(VETO) : NONE,
      protectedReason: chance(0.01) ? pick(PROTECTED) : NONE,
      exemptReason: chance(0.01) ? pick(EXEMPT) : NONE,
      powerAccounts: chance(0.2) ? [String(3_300_000_000 + index)] : NONE,
      industryCode: industry[0],
    };
    if (chance(0.5)) record.industryName = industry[1];
    if (chance(0.95)) record.town = pick(TOWNS);
    if (chance(0.4)) record.park = pick(PARKS);

    if (above) {
      const revenueCents = Math.max(taxCents, 0) * between(5, 40) + between(100_000, 2_000_000);
      record.revenue = texts.fromCents(revenueCents);
      record.addedValue = texts.fromCents(Math.floor(revenueCents * (0.15 + 0.2 * random())));
      record.employees = texts.fromUnits(between(20, 2000));
      record.energyTce = texts.fromCents(between(1_000, 2_000_000));
      record.rdExpense = texts.fromCents(Math.floor(revenueCents * 0.05 * random()));
      record.electricityKwh = texts.fromUnits(between(50_000, 50_000_000));
      if (chance(0.8)) record.emissionsTon = texts.fromCents(between(1, 20_000));
      if (chance(0.3)) record.exportValue = texts.fromCents(Math.floor(revenueCents * 0.6 * random()));
    } else {
      record.electricityKwh = texts.fromUnits(between(1_000, 2_000_000));
      if (chance(0.5)) record.revenue = texts.fromCents(between(10_000, 300_000));
    }
    records[index] = record;
  }
  return records;
}

type Cell = (record: EnterpriseRecord) => string | undefined;
const flag =
  (key: FlagKey): Cell =>
  (record) =>
    record[key] ? 'true' : undefined;
const list =
  (key: ReasonKey | 'powerAccounts'): Cell =>
  (record) =>
    record[key].join(';');

/** How each column is written: booleans as `true` or empty (empty = false), lists joined with `;`. */
const CELLS: Record<FieldKey, Cell> = {
  uscc: (record) => record.uscc,
  name: (record) => record.name,
  scale: (record) => record.scale,
  industryCode: (record) => record.industryCode,
  industryName: (record) => record.industryName,
  town: (record) => record.town,
  park: (record) => record.park,
  landAreaMu: (record) => record.landMu,
  landAreaM2: () => undefined,
  tax: (record) => record.tax,
  addedValue: (record) => record.addedValue,
  revenue: (record) => record.revenue,
  employees: (record) => record.employees,
  energyTce: (record) => record.energyTce,
  emissionsTon: (record) => record.emissionsTon,
  rdExpense: (record) => record.rdExpense,
  electricityKwh: (record) => record.electricityKwh,
  exportValue: (record) => record.exportValue,
  netProfit: (record) => record.netProfit,
  netAssets: (record) => record.netAssets,
  techInvestment: (record) => record.techInvestment,
  emergencySupplier: flag('emergencySupplier'),
  keyChainLink: flag('keyChainLink'),
  highTech: flag('highTech'),
  specialized: (record) => record.specialized,
  subletTenants: (record) => String(record.subletTenants),
  vetoReasons: list('vetoReasons'),
  protectedReason: list('protectedReason'),
  exemptReason: list('exemptReason'),
  powerAccounts: list('powerAccounts'),
  existingSurchargePerKwh: (record) => record.existingSurchargePerKwh,
};

/** Records as a sheet with English-key headers (rows numbered from 2), for round trips through parseRecords. */
export function recordsToTable(records: readonly EnterpriseRecord[]): RawTable {
  const headers = FIELDS.map((field) => field.key);
  const cells = headers.map((key) => CELLS[key]);
  const rows: RawRow[] = records.map((record, index) => ({
    row: index + 2,
    cells: cells.map((cell) => cell(record)),
  }));
  return { headers, rows };
}
