/**
 * GB/T 4754-2017 国民经济行业分类: the 门类 (sections, a letter) with the range of 大类 (two-digit major
 * groups) each covers, and the names of the 大类 of industry (采矿业 B, 制造业 C, 电力、热力、燃气及水生产和
 * 供应业 D), which are the enterprises a 亩均 evaluation grades. A 大类 outside these is labelled by its code.
 */

const SECTIONS: readonly (readonly [letter: string, first: number, last: number, name: string])[] = [
  ['A', 1, 5, '农、林、牧、渔业'],
  ['B', 6, 12, '采矿业'],
  ['C', 13, 43, '制造业'],
  ['D', 44, 46, '电力、热力、燃气及水生产和供应业'],
  ['E', 47, 50, '建筑业'],
  ['F', 51, 52, '批发和零售业'],
  ['G', 53, 60, '交通运输、仓储和邮政业'],
  ['H', 61, 62, '住宿和餐饮业'],
  ['I', 63, 65, '信息传输、软件和信息技术服务业'],
  ['J', 66, 69, '金融业'],
  ['K', 70, 70, '房地产业'],
  ['L', 71, 72, '租赁和商务服务业'],
  ['M', 73, 75, '科学研究和技术服务业'],
  ['N', 76, 79, '水利、环境和公共设施管理业'],
  ['O', 80, 82, '居民服务、修理和其他服务业'],
  ['P', 83, 83, '教育'],
  ['Q', 84, 85, '卫生和社会工作'],
  ['R', 86, 90, '文化、体育和娱乐业'],
  ['S', 91, 96, '公共管理、社会保障和社会组织'],
  ['T', 97, 97, '国际组织'],
];

const MAJOR_GROUPS: Readonly<Record<string, string>> = {
  '06': '煤炭开采和洗选业',
  '07': '石油和天然气开采业',
  '08': '黑色金属矿采选业',
  '09': '有色金属矿采选业',
  '10': '非金属矿采选业',
  '11': '开采专业及辅助性活动',
  '12': '其他采矿业',
  '13': '农副食品加工业',
  '14': '食品制造业',
  '15': '酒、饮料和精制茶制造业',
  '16': '烟草制品业',
  '17': '纺织业',
  '18': '纺织服装、服饰业',
  '19': '皮革、毛皮、羽毛及其制品和制鞋业',
  '20': '木材加工和木、竹、藤、棕、草制品业',
  '21': '家具制造业',
  '22': '造纸和纸制品业',
  '23': '印刷和记录媒介复制业',
  '24': '文教、工美、体育和娱乐用品制造业',
  '25': '石油、煤炭及其他燃料加工业',
  '26': '化学原料和化学制品制造业',
  '27': '医药制造业',
  '28': '化学纤维制造业',
  '29': '橡胶和塑料制品业',
  '30': '非金属矿物制品业',
  '31': '黑色金属冶炼和压延加工业',
  '32': '有色金属冶炼和压延加工业',
  '33': '金属制品业',
  '34': '通用设备制造业',
  '35': '专用设备制造业',
  '36': '汽车制造业',
  '37': '铁路、船舶、航空航天和其他运输设备制造业',
  '38': '电气机械和器材制造业',
  '39': '计算机、通信和其他电子设备制造业',
  '40': '仪器仪表制造业',
  '41': '其他制造业',
  '42': '废弃资源综合利用业',
  '43': '金属制品、机械和设备修理业',
  '44': '电力、热力生产和供应业',
  '45': '燃气生产和供应业',
  '46': '水的生产和供应业',
};

export interface MajorGroup {
  /** 门类 letter and 大类 digits, e.g. `C36`: the grouping key. */
  readonly code: string;
  readonly section: string;
  readonly sectionName: string;
  /** The 大类's name, or null where this table has none (then label it by code). */
  readonly name: string | null;
}

const CODE = /^([A-Za-z])?(\d{2})(\d{0,2})$/;

/**
 * The 大类 of an industry code (`C3670`, `3670`, `c36`): the two digits after an optional 门类 letter. The
 * letter is the one the digits belong to (a code's own letter is only a prefix, and a wrong one would split
 * a group); null for a code that is not GB/T 4754 (a 大类 no 门类 covers, or not the shape).
 */
export function majorGroupOf(industryCode: string): MajorGroup | null {
  const match = CODE.exec(industryCode.trim());
  const digits = match?.[2];
  if (digits === undefined) return null;
  const major = Number(digits);
  const section = SECTIONS.find(([, first, last]) => major >= first && major <= last);
  if (section === undefined) return null;
  const [letter, , , sectionName] = section;
  return { code: `${letter}${digits}`, section: letter, sectionName, name: MAJOR_GROUPS[digits] ?? null };
}

/** `C36 汽车制造业`, or `C36` where the name is unknown. */
export function majorGroupLabel(group: MajorGroup): string {
  return group.name === null ? group.code : `${group.code} ${group.name}`;
}
