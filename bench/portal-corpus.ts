// Benchmark corpora for a portal (DESIGN.md "Portal"): a fictional county's offices × years, mostly
// 政府信息公开工作年度报告 series (each year in its layout: the 统计表 up to 2018, 国办公开办函〔2019〕60号 for 2019–2020,
// 〔2021〕30号 from 2021), a few 落实全面从严治党主体责任情况报告 and 工作总结 series, in the groups 县政府 / 政府部门 /
// 乡镇街道. Deterministic: the same seed and size always give the same files. Every table's figures satisfy its
// layout's 勾稽关系, each year's 上年结转 is the year before's 结转下年度, the prose restates the table's totals, and
// the words, items and figures differ by office and year. The county and its offices are made up.
//
//   generatePortalCorpus(dir, { offices: 40, years: 10 })    the portal (replaced whole)
//   addPortalReport(dir)                                      one more year for one office (bench: time the rebuild)
//   writeBareCorpus(portalDir, outDir)                        the same reports as one bare folder for bench/baseline/
//
// CLI: node bench/portal-corpus.ts DIR [--offices 40] [--years 10] [--seed N]
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { KINDS, type KindId } from '../src/lib/kinds/index.ts';
import { LAYOUT_2019, LAYOUT_2021, LAYOUT_PRE_2019 } from '../src/lib/kinds/gov-info-format-2019.ts';
import { APPLICANTS, REQUEST_ROWS, RESULTS } from '../src/lib/kinds/gov-info-format.ts';
import { STAT_ROWS } from '../src/lib/kinds/gov-info-format-pre2019.ts';
import { layoutForYear } from '../src/lib/kinds/layouts.ts';
import { registryYaml } from '../src/lib/scaffold/init.ts';
import { kindLayout } from '../src/lib/scaffold/scaffold.ts';
import { prng } from './corpus.ts';
import * as T from './portal-text.ts';
import { fill, int, one, some, type Rnd } from './portal-text.ts';

export const PORTAL_SEED = 20250131;
export const PORTAL_OFFICES = 40;
export const PORTAL_YEARS = 10;
export const PORTAL_LAST_YEAR = 2024;
export const COUNTY = '青禾县';
export const GROUPS = ['县政府', '政府部门', '乡镇街道'] as const;

// ---------------------------------------------------------------------------------------------
// The offices

/** One office of the county, with the size of its figures (typical yearly values). */
export interface Office {
  /** Series ids start with it: `jyj` → `jyj-xxgk`. */
  code: string;
  /** Its name after the county's: 教育局 → 青禾县教育局. */
  name: string;
  group: (typeof GROUPS)[number];
  /** How the report calls the office: 我局, 我镇. */
  self: string;
  /** What its reports talk about. */
  topics: string[];
  /** 本年新收政府信息公开申请, 行政许可, 行政处罚, 行政强制 decisions, 收费 (万元), 行政复议, 行政规范性文件 a year. */
  req: number;
  lic: number;
  pen: number;
  enf: number;
  fees: number;
  review: number;
  docs: number;
}

const dept = (code: string, name: string, topics: string[], req: number, lic: number, pen: number, enf = 0, fees = 0, review = 0.3, docs = 2): Office => ({ code, name, group: '政府部门', self: '我局', topics, req, lic, pen, enf, fees, review, docs });
const town = (code: string, name: string, topics: string[], req = 2): Office => ({
  code,
  name,
  group: '乡镇街道',
  self: name.endsWith('街道') ? '我街道' : name.endsWith('乡') ? '我乡' : '我镇',
  topics,
  req,
  lic: 12,
  pen: 3,
  enf: 0,
  fees: 0,
  review: 0.1,
  docs: 0.5,
});

export const OFFICES: Office[] = [
  { code: 'xzf', name: '人民政府', group: '县政府', self: '县政府', topics: ['重大建设项目', '财政预决算', '乡村振兴', '营商环境'], req: 60, lic: 0, pen: 0, enf: 0, fees: 0, review: 2, docs: 8 },
  { code: 'zfb', name: '人民政府办公室', group: '县政府', self: '我办', topics: ['政策文件', '政务服务', '政府常务会议'], req: 18, lic: 0, pen: 0, enf: 0, fees: 0, review: 0.8, docs: 3 },
  dept('fgj', '发展和改革局', ['重大建设项目', '价格收费', '粮食储备'], 9, 160, 12, 0, 0, 0.5, 2),
  dept('jyj', '教育局', ['招生入学', '教育收费', '学生资助'], 14, 90, 4, 0, 0, 0.4, 3),
  dept('gxj', '工业和信息化局', ['企业扶持', '节能降耗', '中小企业服务'], 4, 30, 6),
  dept('gaj', '公安局', ['户籍办理', '交通管理', '出入境证件'], 22, 5200, 3800, 420, 0, 1, 1),
  dept('mzj', '民政局', ['低保救助', '养老服务', '婚姻登记'], 8, 60, 2, 0, 0, 0.3, 2),
  dept('sfj', '司法局', ['法律援助', '人民调解', '普法宣传'], 5, 20, 1),
  dept('czj', '财政局', ['预决算公开', '政府采购', '惠民惠农补贴'], 11, 10, 2, 0, 0, 0.3, 3),
  dept('rsj', '人力资源和社会保障局', ['就业创业', '社会保险', '工资支付'], 16, 420, 25, 0, 0, 0.6, 2),
  dept('zrzyj', '自然资源局', ['土地征收', '不动产登记', '国土空间规划'], 35, 680, 48, 6, 180, 1.5, 3),
  dept('sthjj', '生态环境局', ['环境质量', '环评审批', '环境执法'], 12, 85, 64, 9, 0, 0.6, 1),
  dept('zjj', '住房和城乡建设局', ['保障性住房', '建筑市场', '老旧小区改造'], 20, 520, 40, 2, 65, 1, 3),
  dept('jtj', '交通运输局', ['农村公路', '道路运输', '交通建设项目'], 7, 860, 310, 35, 0, 0.4, 1),
  dept('slj', '水利局', ['防汛抗旱', '河湖长制', '水利工程'], 4, 70, 9, 1, 12, 0.2, 1),
  dept('nyj', '农业农村局', ['乡村振兴', '农业补贴', '高标准农田'], 9, 240, 18, 2, 0, 0.3, 2),
  dept('swj', '商务局', ['招商引资', '消费促进', '外贸外资'], 3, 40, 2),
  dept('wlj', '文化和旅游局', ['公共文化服务', '文旅项目', '文化市场执法'], 3, 110, 21, 0, 0, 0.2, 1),
  dept('wjj', '卫生健康局', ['医疗卫生', '公共卫生', '妇幼健康'], 13, 640, 55, 3, 0, 0.5, 2),
  dept('tyj', '退役军人事务局', ['优抚安置', '褒扬纪念', '退役军人就业'], 4, 10, 0),
  dept('yjj', '应急管理局', ['安全生产', '防灾减灾', '应急救援'], 5, 65, 38, 4, 0, 0.2, 1),
  dept('sjj', '审计局', ['审计结果公告', '审计整改', '经济责任审计'], 2, 0, 1),
  dept('scjgj', '市场监督管理局', ['食品安全', '市场主体登记', '产品质量'], 28, 3400, 420, 30, 6, 1.2, 2),
  dept('tjj', '统计局', ['统计数据发布', '统计执法', '经济普查'], 3, 0, 2),
  dept('ybj', '医疗保障局', ['医保待遇', '医保基金监管', '药品集中采购'], 10, 120, 14, 0, 0, 0.3, 1),
  dept('lyj', '林业局', ['林地审批', '森林防火', '生态公益林'], 4, 150, 26, 2, 4, 0.2, 1),
  dept('cgj', '城市管理局', ['市容环境', '违法建设整治', '环境卫生'], 9, 340, 260, 45, 0, 0.6, 1),
  dept('xzspj', '行政审批服务局', ['政务服务', '一网通办', '审批事项'], 12, 6100, 0, 0, 0, 0.4, 2),
  dept('xfj', '信访局', ['信访事项办理', '矛盾纠纷化解'], 6, 0, 0),
  dept('mzzjj', '民族宗教事务局', ['民族团结进步', '宗教事务管理'], 1, 8, 0),
  dept('sjyj', '水产畜牧局', ['动物防疫', '渔业资源保护'], 2, 95, 17, 1),
  town('cgz', '城关镇', ['老旧小区改造', '社区治理', '民生实事'], 5),
  town('qhz', '青禾镇', ['乡村振兴', '农村人居环境', '土地征收'], 3),
  town('dhz', '东湖镇', ['农村人居环境', '河湖管护', '民生实事']),
  town('xhx', '西河乡', ['乡村振兴', '惠民惠农补贴', '防汛抗旱']),
  town('nsx', '南山乡', ['生态保护', '森林防火', '特色产业']),
  town('btz', '北塘镇', ['园区建设', '征地拆迁', '安全生产'], 4),
  town('lxjd', '柳溪街道', ['社区治理', '城市更新', '养老服务'], 4),
  town('bsjd', '白沙街道', ['社区治理', '物业管理', '就业服务'], 3),
  town('sqz', '石桥镇', ['农村公路', '乡村振兴', '集体经济']),
  town('ylx', '杨柳乡', ['特色种植', '惠民惠农补贴', '农村人居环境'], 1),
  town('hsz', '黄沙镇', ['矿山治理', '安全生产', '生态修复']),
  town('lhx', '莲花乡', ['乡村旅游', '河湖管护', '民生实事'], 1),
];

export function orgName(o: Office, county = COUNTY): string {
  if (o.group === '乡镇街道') return o.name.endsWith('街道') ? `${county}${o.name}办事处` : `${county}${o.name}人民政府`;
  return `${county}${o.name}`;
}

/** The party body that reports on 全面从严治党, and how its report names it. */
function partyOf(o: Office, county: string): { org: string; self: string } {
  if (o.group === '乡镇街道') return o.name.endsWith('街道') ? { org: `中共${county}${o.name}工作委员会`, self: '街道党工委' } : { org: `中共${county}${o.name}委员会`, self: `${o.name.slice(-1)}党委` };
  return { org: `中共${county}${o.name}党组`, self: '局党组' };
}

/** One series of the portal: an office's one kind of report. */
export interface SeriesSpec {
  id: string;
  office: Office;
  kind: KindId;
}

const byCode = (code: string) => {
  const o = OFFICES.find((x) => x.code === code);
  if (!o) throw new Error(`没有单位代码 ${code}`);
  return o;
};

/** The non-gov-info series, at every tenth place of the list (the 10th, 20th …). */
const OTHER_SERIES: SeriesSpec[] = [
  { id: 'jyj-ztzr', office: byCode('jyj'), kind: 'party-governance' },
  { id: 'cgz-ztzr', office: byCode('cgz'), kind: 'party-governance' },
  { id: 'tjj-gzzj', office: byCode('tjj'), kind: 'general' },
  { id: 'wjj-ztzr', office: byCode('wjj'), kind: 'party-governance' },
  { id: 'scjgj-ztzr', office: byCode('scjgj'), kind: 'party-governance' },
];

/**
 * The first `n` series: the county's own two, then departments and towns alternating (so a small portal has all
 * three groups), with a 全面从严治党 or 工作总结 series at every tenth place. 40 gives 36 gov-info series and 4 others.
 */
export function portalSeries(n: number): SeriesSpec[] {
  const gov = OFFICES.map((office): SeriesSpec => ({ id: `${office.code}-xxgk`, office, kind: 'gov-info-disclosure' }));
  const county = gov.filter((s) => s.office.group === '县政府');
  const depts = gov.filter((s) => s.office.group === '政府部门');
  const towns = gov.filter((s) => s.office.group === '乡镇街道');
  const mixed: SeriesSpec[] = [...county];
  // Two departments to one town, the county's proportion.
  while (depts.length || towns.length) {
    mixed.push(...depts.splice(0, 2));
    mixed.push(...towns.splice(0, 1));
  }
  const out: SeriesSpec[] = [];
  const others = [...OTHER_SERIES];
  while (out.length < n) {
    const next = (out.length + 1) % 10 === 0 && others.length ? others.shift() : mixed.shift() ?? others.shift();
    if (!next) throw new Error(`门户测试内容最多 ${OFFICES.length + OTHER_SERIES.length} 个系列，要求 ${n} 个`);
    out.push(next);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Figures

type Stats = Record<string, number>;

const COLS = APPLICANTS.filter((a) => a.id !== 'total').map((a) => a.id);
/** Who asks: mostly people, some businesses and lawyers. */
const COL_SHARE = [0.8, 0.09, 0.01, 0.01, 0.06, 0.03];
const RESULT_ROWS_2021 = REQUEST_ROWS.filter((r) => r.path[0] === RESULTS && r.id !== 'requests-results-total').map((r) => r.id);
const RESULT_ROWS_2019 = [...RESULT_ROWS_2021.filter((id) => !id.startsWith('requests-otherwise-')), 'requests-otherwise'];
/** How requests end, as county offices' tables show it. */
const RESULT_WEIGHT: Record<string, number> = {
  'requests-granted': 0.46,
  'requests-partly-granted': 0.1,
  'requests-withheld-state-secret': 0.002,
  'requests-withheld-prohibited': 0.004,
  'requests-withheld-security-stability': 0.004,
  'requests-withheld-third-party': 0.02,
  'requests-withheld-internal-affairs': 0.015,
  'requests-withheld-process-info': 0.025,
  'requests-withheld-enforcement-files': 0.008,
  'requests-withheld-inquiry-matters': 0.01,
  'requests-unavailable-not-held': 0.16,
  'requests-unavailable-needs-creation': 0.03,
  'requests-unavailable-still-unclear': 0.015,
  'requests-not-processed-petition': 0.04,
  'requests-not-processed-repeated': 0.03,
  'requests-not-processed-publication': 0.008,
  'requests-not-processed-excessive': 0.005,
  'requests-not-processed-confirmation': 0.01,
  'requests-otherwise-no-correction': 0.025,
  'requests-otherwise-fee-unpaid': 0.002,
  'requests-otherwise-other': 0.02,
  'requests-otherwise': 0.045,
};

/** `n` things put one by one into boxes by weight. */
function allocate(rnd: Rnd, n: number, weights: number[]): number[] {
  const out = weights.map(() => 0);
  const total = weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < n; i++) {
    let r = rnd() * total;
    let k = 0;
    while (k < weights.length - 1 && r >= (weights[k] as number)) r -= weights[k++] as number;
    out[k]!++;
  }
  return out;
}

/** A typical value moved by up to ±`spread` (never below 0); small values stay small. */
function around(rnd: Rnd, typical: number, spread = 0.25): number {
  if (typical <= 0) return 0;
  if (typical < 1) return rnd() < typical ? 1 : 0;
  return Math.max(0, Math.round(typical * (1 - spread + rnd() * 2 * spread)));
}

export type LayoutId = typeof LAYOUT_PRE_2019 | typeof LAYOUT_2019 | typeof LAYOUT_2021;
export const layoutOf = (year: number) => (layoutForYear(KINDS['gov-info-disclosure'].layouts, year)?.id ?? LAYOUT_2021) as LayoutId;

/** What one year hands to the next: 结转下年度, 现行有效件数, the 2019 tables' 项目数量, the 统计表's 历年累计. */
interface GovState {
  forward: number[];
  /** 政府集中采购: what one project costs this office (元). */
  unitPrice: number;
  inForce: number;
  items: Record<string, number>;
  cumulative?: Stats;
}

/** A year's figures of one gov-info series, with the values the prose restates. */
export interface GovYear {
  year: number;
  layout: LayoutId;
  stats: Stats;
}

/** A hook for the example's planted slips: change a year's requests before the tables and text are made of them. */
export type RequestsHook = (year: number, requests: { fresh: number[]; over: number[] }) => void;

function requests(rnd: Rnd, o: Office, layout: LayoutId, over: number[], hook?: (r: { fresh: number[]; over: number[] }) => void): { stats: Stats; forward: number[] } {
  const n = around(rnd, o.req, 0.3);
  const fresh = allocate(rnd, n, COL_SHARE);
  const r = { fresh, over: [...over] };
  hook?.(r);
  const rows = layout === LAYOUT_2019 ? RESULT_ROWS_2019 : RESULT_ROWS_2021;
  const stats: Stats = {};
  const put = (row: string, values: number[]) => {
    COLS.forEach((c, i) => (stats[`${row}-${c}`] = values[i] as number));
    stats[`${row}-total`] = values.reduce((a, b) => a + b, 0);
  };
  const forward = COLS.map((_, i) => {
    const open = (r.fresh[i] as number) + (r.over[i] as number);
    return open >= 4 && rnd() < 0.45 ? int(rnd, 1, Math.max(1, Math.floor(open / 8))) : 0;
  });
  const byRow: number[][] = rows.map(() => COLS.map(() => 0));
  COLS.forEach((_, i) => {
    const done = (r.fresh[i] as number) + (r.over[i] as number) - (forward[i] as number);
    allocate(rnd, done, rows.map((id) => RESULT_WEIGHT[id] ?? 0)).forEach((v, k) => (byRow[k]![i] = v));
  });
  put('requests-new', r.fresh);
  put('requests-carried-over', r.over);
  rows.forEach((id, k) => put(id, byRow[k]!));
  put('requests-results-total', COLS.map((_, i) => byRow.reduce((s, row) => s + (row[i] as number), 0)));
  put('requests-carried-forward', forward);
  return { stats, forward };
}

function reviews(rnd: Rnd, o: Office): Stats {
  const stats: Stats = {};
  const block = (id: string, typical: number) => {
    const n = around(rnd, typical, 0.5);
    const [upheld, corrected, other, pending] = allocate(rnd, n, [0.6, 0.12, 0.13, 0.15]) as [number, number, number, number];
    Object.assign(stats, { [`${id}-upheld`]: upheld, [`${id}-corrected`]: corrected, [`${id}-other`]: other, [`${id}-pending`]: pending, [`${id}-total`]: n });
  };
  block('review', o.review);
  block('litigation-direct', o.review * 0.4);
  block('litigation-after-review', o.review * 0.2);
  return stats;
}

const money = (x: number) => Math.round(x * 100) / 100;

function proactive2021(rnd: Rnd, o: Office, s: GovState): Stats {
  const issued = around(rnd, o.docs, 0.6);
  const repealed = Math.min(s.inForce, around(rnd, o.docs * 0.5, 0.8));
  s.inForce += issued - repealed;
  return {
    'regulations-issued': 0,
    'regulations-repealed': 0,
    'regulations-in-force': 0,
    'normative-documents-issued': issued,
    'normative-documents-repealed': repealed,
    'normative-documents-in-force': s.inForce,
    'licensing-decisions': around(rnd, o.lic),
    'penalty-decisions': around(rnd, o.pen),
    'enforcement-decisions': around(rnd, o.enf),
    'fees-amount': o.fees > 0 ? money(o.fees * (0.7 + rnd() * 0.6)) : 0,
  };
}

const ITEM_ROWS_2019 = ['licensing', 'other-services', 'penalty', 'enforcement', 'fees'];

function proactive2019(rnd: Rnd, o: Office, s: GovState): Stats {
  const issued = around(rnd, o.docs, 0.6);
  s.inForce += issued - Math.min(s.inForce, around(rnd, o.docs * 0.4, 0.8));
  const stats: Stats = {
    'regulations-issued': 0,
    'regulations-new-published': 0,
    'regulations-published-total': 0,
    'normative-documents-issued': issued,
    'normative-documents-new-published': issued,
    'normative-documents-published-total': s.inForce,
    'licensing-decisions': around(rnd, o.lic),
    'other-services-decisions': around(rnd, o.lic * 0.2),
    'penalty-decisions': around(rnd, o.pen),
    'enforcement-decisions': around(rnd, o.enf),
    'procurement-projects': around(rnd, o.group === '乡镇街道' ? 3 : 8, 0.3),
    'procurement-amount': 0,
  };
  // Each office buys about the same things every year: its own price per project, ±15%.
  stats['procurement-amount'] = money(stats['procurement-projects']! * s.unitPrice * (0.85 + rnd() * 0.3));
  for (const row of ITEM_ROWS_2019) {
    const last = s.items[row] ?? 0;
    const change = last === 0 && rnd() < 0.7 ? 0 : Math.max(-last, int(rnd, -3, 4));
    stats[`${row}-items-last-year`] = last;
    stats[`${row}-items-change`] = change;
    s.items[row] = last + change;
  }
  return stats;
}

function statistics(rnd: Rnd, o: Office, s: GovState): Stats {
  const published = around(rnd, o.group === '县政府' ? 1800 : o.group === '政府部门' ? 260 : 120, 0.2);
  const gazette = o.group === '县政府' ? around(rnd, 40) : 0;
  const website = published - gazette - around(rnd, published * 0.05);
  const n = around(rnd, o.req * 0.6, 0.35);
  const [inPerson, online, letter] = allocate(rnd, n, [0.35, 0.5, 0.15]) as [number, number, number];
  const [granted, partly, refused, other] = allocate(rnd, n, [0.62, 0.1, 0.06, 0.22]) as [number, number, number, number];
  const year: Stats = {
    'proactive-published': published,
    'proactive-published-website': website,
    'proactive-published-gazette': gazette,
    'requests-new-total': n,
    'requests-in-person': inPerson,
    'requests-online': online,
    'requests-letter-fax': letter,
    'requests-results-total-total': n,
    'requests-granted-total': granted,
    'requests-partly-granted-total': partly,
    'requests-refused': refused,
    'requests-answered-other': other,
    'fees-waived': 0,
    complaints: around(rnd, o.review * 0.3, 0.5),
    'review-total': around(rnd, o.review * 0.5, 0.5),
    'litigation-total': around(rnd, o.review * 0.2, 0.5),
  };
  if (!s.cumulative) {
    // The 条例 took effect in 2008: the first 统计表 year starts from several years already counted.
    const k = int(rnd, 5, 8);
    s.cumulative = {};
    for (const row of STAT_ROWS) s.cumulative[row.cumulative] = Math.round((year[row.id] ?? 0) * k * (0.8 + rnd() * 0.4));
    const parts = (whole: string, ps: string[]) => (s.cumulative![whole] = ps.reduce((a, p) => a + (s.cumulative![p] ?? 0), 0));
    parts('requests-received-cumulative', ['requests-in-person-cumulative', 'requests-online-cumulative', 'requests-letter-fax-cumulative']);
    parts('requests-answered-cumulative', ['requests-granted-cumulative', 'requests-partly-granted-cumulative', 'requests-refused-cumulative', 'requests-answered-other-cumulative']);
  }
  const stats: Stats = { ...year };
  for (const row of STAT_ROWS) {
    s.cumulative[row.cumulative] = (s.cumulative[row.cumulative] ?? 0) + (year[row.id] ?? 0);
    stats[row.cumulative] = s.cumulative[row.cumulative]!;
  }
  return stats;
}

const seriesSeed = (seed: number, id: string) => [...id].reduce((h, ch) => Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0, (seed ^ 2166136261) >>> 0);
const yearRnd = (seed: number, id: string, year: number, salt = 0) => prng(seriesSeed(seed, id) ^ Math.imul(year, 2654435761) ^ salt);

/** Every year of a gov-info series, oldest first: each year's figures from its own seed and the year before's state. */
export function govYears(spec: SeriesSpec, years: number[], seed: number, hook?: RequestsHook): GovYear[] {
  const o = spec.office;
  const start = prng(seriesSeed(seed, spec.id));
  const state: GovState = { forward: COLS.map(() => 0), unitPrice: 60000 + start() * 300000, inForce: int(start, o.group === '乡镇街道' ? 0 : 4, o.group === '乡镇街道' ? 3 : 24), items: {} };
  for (const row of ITEM_ROWS_2019) state.items[row] = row === 'licensing' ? (o.lic ? int(start, 8, 60) : 0) : row === 'fees' ? (o.fees ? int(start, 1, 6) : 0) : row === 'other-services' ? int(start, 0, 12) : row === 'penalty' ? (o.pen ? int(start, 20, 400) : 0) : o.enf ? int(start, 2, 20) : 0;
  const out: GovYear[] = [];
  for (const year of [...years].sort((a, b) => a - b)) {
    const rnd = yearRnd(seed, spec.id, year, 0x51);
    const layout = layoutOf(year);
    let stats: Stats;
    if (layout === LAYOUT_PRE_2019) {
      stats = statistics(rnd, o, state);
      // The 统计表 has no 结转: a 2019 table starts with none carried over.
      state.forward = COLS.map(() => 0);
    } else {
      const req = requests(rnd, o, layout, state.forward, hook && ((r) => hook(year, r)));
      state.forward = req.forward;
      stats = { ...(layout === LAYOUT_2019 ? proactive2019(rnd, o, state) : proactive2021(rnd, o, state)), ...req.stats, ...reviews(rnd, o) };
    }
    out.push({ year, layout, stats });
  }
  return out;
}

/** 落实全面从严治党主体责任 figures: around the office's own sizes, 受理 = 办结 + 正在办理. */
function partyStats(rnd: Rnd, base: Rnd): Stats {
  const size = 0.6 + base() * 1.2;
  const stats: Stats = {
    'study-sessions': around(rnd, 12 * size, 0.2),
    'warning-education': around(rnd, 4 * size, 0.3),
    'integrity-talks': around(rnd, 5 * size, 0.3),
    'integrity-meetings': around(rnd, 6 * size, 0.25),
    inspections: around(rnd, 24 * size, 0.25),
    'problems-found': around(rnd, 15 * size, 0.3),
    'petitions-closed': around(rnd, 8 * size, 0.3),
    'petitions-pending': around(rnd, 1, 0.9),
    'four-forms': around(rnd, 9 * size, 0.3),
    'cases-filed': around(rnd, 2 * size, 0.5),
    'disciplinary-actions': around(rnd, 1.5 * size, 0.5),
  };
  stats['petitions-received'] = stats['petitions-closed']! + stats['petitions-pending']!;
  return stats;
}

// ---------------------------------------------------------------------------------------------
// Text

interface Words {
  county: string;
  org: string;
  self: string;
  topics: string[];
}

function vars(w: Words, year: number, rnd: Rnd, extra: Record<string, string | number> = {}): Record<string, string> {
  const [d, d2] = some(rnd, w.topics, 2);
  const tel = `0${int(rnd, 710, 799)}-${int(rnd, 3100000, 8999999)}`;
  return { county: w.county, org: w.org, self: w.self, year: String(year), d: d ?? '', d2: d2 ?? d ?? '', tel, ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, String(v)])) };
}

/** 上年结转, 结转下年度 … as the prose restates them, or with <Stat> (some offices write the figure, some link it). */
function requestsParagraph(s: Stats, w: Words, year: number, rnd: Rnd): string {
  const total = (row: string) => s[`${row}-total`] ?? 0;
  const fresh = total('requests-new');
  const over = total('requests-carried-over');
  const done = total('requests-results-total');
  const fwd = total('requests-carried-forward');
  const process = one(rnd, T.REQUEST_PROCESS);
  const opening = one(rnd, T.REQUEST_OPENINGS);
  if (fresh + over === 0) return `${opening}${year}年，${w.self}未收到政府信息公开申请。${process}`;
  const withheld = Object.keys(s).filter((k) => k.startsWith('requests-withheld-') && k.endsWith('-total')).reduce((a, k) => a + s[k]!, 0);
  const unavailable = Object.keys(s).filter((k) => k.startsWith('requests-unavailable-') && k.endsWith('-total')).reduce((a, k) => a + s[k]!, 0);
  const parts = [`予以公开${total('requests-granted')}件`, `部分公开${total('requests-partly-granted')}件`, withheld ? `不予公开${withheld}件` : '', unavailable ? `无法提供${unavailable}件` : ''].filter(Boolean).join('、');
  const stat = rnd() < 0.3;
  const n = (id: string, value: number) => (stat ? `<Stat id="${id}-total" />` : String(value));
  const first = `${year}年，${w.self}共新收政府信息公开申请${n('requests-new', fresh)}件${over ? `，上年结转政府信息公开申请${n('requests-carried-over', over)}件` : ''}。`;
  const second = `全年办结政府信息公开申请${n('requests-results-total', done)}件，其中${parts}，其余按规定作出其他处理${fwd ? `；结转下年度继续办理${n('requests-carried-forward', fwd)}件` : ''}。`;
  return `${opening}${first}${second}${process}`;
}

function reviewSentence(s: Stats, w: Words, year: number): string {
  const review = s['review-total'] ?? 0;
  const lit = (s['litigation-direct-total'] ?? 0) + (s['litigation-after-review-total'] ?? 0);
  if (review + lit === 0) return `${year}年，${w.self}未发生因政府信息公开工作被申请行政复议、被提起行政诉讼的情况。`;
  const parts = [review ? `被申请行政复议${review}件` : '', lit ? `被提起行政诉讼${lit}件` : ''].filter(Boolean).join('，');
  return `${year}年，${w.self}因政府信息公开工作${parts}，均依法积极应对。`;
}

const para = (opening: string, sentences: string[]) => `${opening}${sentences.join('')}`;
const shiList = (items: string[], sep = '；') => items.map((t, i) => `${T.SHI[i]}${t}`).join(sep);

/** The body of a 2019- or 2021-layout report. */
function govBody(g: GovYear, w: Words, rnd: Rnd): string {
  const { year, stats: s } = g;
  const v = (extra: Record<string, string | number> = {}) => vars(w, year, rnd, extra);
  const posts = int(rnd, 60, 900);
  const nums = { n1: posts, n2: int(rnd, 8, Math.max(9, Math.floor(posts / 4))), n3: int(rnd, 2, 18), n4: int(rnd, 1, 6), n5: int(rnd, 40, 600), n6: int(rnd, 1, 5), docs: s['normative-documents-issued'] ?? 0 };
  const intro = [one(rnd, T.INTRO_BASIS), rnd() < 0.6 ? one(rnd, T.INTRO_PARTS) : '', one(rnd, T.INTRO_CONTACT)].join('');
  const lead = one(rnd, T.GENERAL_LEAD);
  const proactive = para(one(rnd, T.PROACTIVE_OPENINGS), some(rnd, T.PROACTIVE_SENTENCES, int(rnd, 2, 4)).filter((t) => nums.docs > 0 || !t.includes('{docs}')));
  const management = `${one(rnd, T.MANAGEMENT_OPENINGS)}${shiList(some(rnd, T.MANAGEMENT_ITEMS, int(rnd, 2, 3)))}。`;
  const platform = para(one(rnd, T.PLATFORM_OPENINGS), some(rnd, T.PLATFORM_SENTENCES, int(rnd, 2, 3)));
  const supervision = para(one(rnd, T.SUPERVISION_OPENINGS), some(rnd, T.SUPERVISION_SENTENCES, int(rnd, 1, 3)));
  const tables = kindLayout(KINDS['gov-info-disclosure'], '', g.layout).tables ?? [];
  const table = (under: string) => tables.find((t) => t.under === under)!.mdx(year);
  const problems = some(rnd, T.PROBLEMS, int(rnd, 2, 3));
  const measures = some(rnd, T.MEASURES, int(rnd, 2, 4));
  const more = some(rnd, T.OTHER_MATTERS, int(rnd, 0, 2));
  const other = [one(rnd, g.layout === LAYOUT_2021 ? T.OTHER_MATTERS_FEES : T.OTHER_MATTERS_FEES_2019), ...more, ...(more.length === 0 && rnd() < 0.5 ? ['无其他需要报告的事项。'] : [])];
  const fix = year > 2019 && rnd() < 0.4 ? one(rnd, T.LAST_YEAR_FIXES) : '';
  const blocks = [
    intro,
    '## 一、总体情况',
    lead,
    proactive,
    requestsParagraph(s, w, year, rnd),
    management,
    platform,
    supervision,
    '## 二、主动公开政府信息情况',
    table('主动公开政府信息'),
    '## 三、收到和处理政府信息公开申请情况',
    table('收到和处理政府信息公开申请'),
    '## 四、政府信息公开行政复议、行政诉讼情况',
    table('行政复议'),
    ...(rnd() < 0.5 ? [reviewSentence(s, w, year)] : []),
    '## 五、存在的主要问题及改进情况',
    ...(fix ? [fix] : []),
    one(rnd, T.PROBLEM_LEADS),
    ...problems.map((t, i) => `${T.SHI[i]}${t}。`),
    one(rnd, T.NEXT_LEADS),
    ...measures.map((t, i) => `${T.SHI[i]}${t}。`),
    '## 六、其他需要报告的事项',
    ...other,
  ];
  return blocks.map((b) => fill(b, v({ ...nums, a: int(rnd, 0, 9), b: int(rnd, 0, 7) }))).join('\n\n');
}

/** The body of a 统计表-year report (before 2019). */
function preBody(g: GovYear, w: Words, rnd: Rnd): string {
  const { year, stats: s } = g;
  const channels = [['当面申请', s['requests-in-person']], ['网上申请', s['requests-online']], ['信函、传真申请', s['requests-letter-fax']]].filter(([, n]) => n).map(([w, n]) => `${w}${n}件`).join('、');
  const gazette = s['proactive-published-gazette'] ? `，通过政府公报公开${s['proactive-published-gazette']}条` : '';
  const v = vars(w, year, rnd, { n1: s['proactive-published'] ?? 0, web: s['proactive-published-website'] ?? 0, gazette, n: s['requests-new-total'] ?? 0, channels });
  // The paragraph that names the year first, then the others.
  const overview = [one(rnd, T.PRE_OVERVIEW.filter((t) => t.startsWith('{year}'))), ...some(rnd, T.PRE_OVERVIEW.filter((t) => !t.startsWith('{year}')), int(rnd, 1, 2))];
  const proactive = [one(rnd, T.PRE_PROACTIVE), ...some(rnd, T.PRE_PROACTIVE_MORE, int(rnd, 1, 2))];
  const requests = s['requests-new-total'] ? one(rnd, T.PRE_REQUESTS) : one(rnd, T.PRE_REQUESTS_NONE);
  const cases = [s['review-total'] ? `被申请行政复议${s['review-total']}件` : '', s['litigation-total'] ? `被提起行政诉讼${s['litigation-total']}件` : ''].filter(Boolean).join('、');
  const review = cases ? `本年度${w.self}因政府信息公开申请${cases}。` : one(rnd, T.PRE_REVIEW_NONE);
  const problems = some(rnd, T.PROBLEMS, 2);
  const measures = some(rnd, T.MEASURES, int(rnd, 2, 3));
  const table = (kindLayout(KINDS['gov-info-disclosure'], '', LAYOUT_PRE_2019).tables ?? [])[0]!;
  const blocks = [
    one(rnd, T.PRE_INTRO),
    '## 一、概述',
    ...overview,
    '## 二、主动公开政府信息情况',
    proactive.join(''),
    '## 三、依申请公开政府信息情况',
    requests,
    '## 四、政府信息公开的收费及减免情况',
    one(rnd, T.PRE_FEES),
    '## 五、因政府信息公开申请行政复议、提起行政诉讼的情况',
    review,
    '## 六、存在的主要问题及改进措施',
    `${shiList(problems)}。`,
    one(rnd, T.NEXT_LEADS),
    ...measures.map((t, i) => `${T.SHI[i]}${t}。`),
    '## 七、其他需要报告的事项',
    one(rnd, T.PRE_OTHER),
    `## ${table.heading}`,
    table.mdx(year),
  ];
  return blocks.map((b) => fill(b, v)).join('\n\n');
}

function partyBody(year: number, w: Words & { party: string }, rnd: Rnd): string {
  const v = vars(w, year, rnd, { party: w.party });
  const work = T.PG_WORK.filter((t) => t.includes('<Stat') || rnd() < 0.5);
  const problems = some(rnd, T.PG_PROBLEMS, int(rnd, 2, 3));
  const causes = some(rnd, T.PG_CAUSES, 2);
  const measures = some(rnd, T.PG_MEASURES, int(rnd, 3, 4));
  const blocks = [
    one(rnd, T.PG_INTRO),
    '## 一、履行主体责任情况',
    ...work.map((t, i) => `${T.SHI[i]}${t}`),
    '## 二、存在的主要问题及原因',
    ...problems.map((t, i) => `${T.SHI[i]}${t}`),
    one(rnd, T.PG_CAUSES_LEAD),
    ...causes.map((t, i) => `${T.SHI[i]}${t}`),
    '## 三、下一步工作思路和主要措施',
    ...measures.map((t, i) => `${T.SHI[i]}${t}`),
  ];
  return blocks.map((b) => fill(b, v)).join('\n\n');
}

function generalBody(year: number, w: Words, rnd: Rnd): string {
  const v = vars(w, year, rnd);
  const blocks = [
    one(rnd, T.GEN_INTRO),
    '## 一、主要工作情况',
    ...some(rnd, T.GEN_WORK, int(rnd, 3, 5)).map((t, i) => `${T.PAREN[i]}${t}`),
    '## 二、存在的问题和不足',
    `${shiList(some(rnd, T.GEN_PROBLEMS, 2))}。`,
    `## 三、${year + 1}年工作打算`,
    ...some(rnd, T.GEN_PLANS, int(rnd, 2, 4)).map((t, i) => `${T.SHI[i]}${t}`),
  ];
  return blocks.map((b) => fill(b, v)).join('\n\n');
}

// ---------------------------------------------------------------------------------------------
// Files

const pad = (n: number) => String(n).padStart(2, '0');

/** Mostly in January of the next year (the 条例's 1月31日); `lateRate` of them in February or March. */
function publishedDate(rnd: Rnd, year: number, lateRate: number): string {
  if (rnd() < lateRate) return `${year + 1}-${pad(int(rnd, 2, 3))}-${pad(int(rnd, 1, 28))}`;
  return `${year + 1}-01-${pad(int(rnd, 8, 30))}`;
}

function frontmatter(year: number, title: string, published: string, stats: Stats | undefined, order: string[]): string {
  const lines = ['---', `year: ${year}`, `title: ${title}`, `published: ${published}`];
  if (stats) {
    lines.push('stats:');
    const ids = [...order.filter((id) => id in stats), ...Object.keys(stats).filter((id) => !order.includes(id))];
    for (const id of ids) lines.push(`  ${id}: ${stats[id]}`);
  }
  return [...lines, '---', ''].join('\n');
}

export interface PortalCorpusOptions {
  /** Number of series (offices × kinds); default 40 (36 gov-info, 3 全面从严治党, 1 工作总结). */
  offices?: number;
  /** Years per series, ending at `lastYear`; default 10 (2015–2024: all three gov-info layouts). */
  years?: number;
  lastYear?: number;
  seed?: number;
  /** The series to write instead of the first `offices` of the list (the example picks its own). */
  series?: SeriesSpec[];
  /** Share of reports published after January; default 0.03. */
  lateRate?: number;
  county?: string;
  /** portal.yaml's title and description. */
  title?: string;
  description?: string;
  /** Called for each gov-info series and year before its tables and text are made (planted slips). */
  hook?: (series: string, year: number, requests: { fresh: number[]; over: number[] }) => void;
}

export interface PortalCorpusSeries {
  id: string;
  organization: string;
  group: string;
  kind: KindId;
  years: number[];
}

export interface PortalCorpus {
  dir: string;
  years: number[];
  series: PortalCorpusSeries[];
  /** Number of report files written. */
  reports: number;
  seed: number;
}

/** The years of a corpus: `n` ending at `lastYear`. */
export function portalYears(n = PORTAL_YEARS, lastYear = PORTAL_LAST_YEAR): number[] {
  if (!Number.isInteger(n) || n < 1 || n > 60) throw new Error(`年数必须是 1–60 的整数，收到 ${n}`);
  return Array.from({ length: n }, (_, i) => lastYear - n + 1 + i);
}

/** Text of every report of one series, by year. */
export function seriesReports(spec: SeriesSpec, years: number[], opts: { seed?: number; county?: string; lateRate?: number; hook?: PortalCorpusOptions['hook'] } = {}): Map<number, string> {
  const seed = opts.seed ?? PORTAL_SEED;
  const county = opts.county ?? COUNTY;
  const lateRate = opts.lateRate ?? 0.03;
  const org = orgName(spec.office, county);
  const words: Words = { county, org, self: spec.office.self, topics: spec.office.topics };
  const kind = KINDS[spec.kind];
  const order = kind.metrics.map((m) => m.id);
  const out = new Map<number, string>();
  const sorted = [...years].sort((a, b) => a - b);
  if (spec.kind === 'gov-info-disclosure') {
    for (const g of govYears(spec, sorted, seed, opts.hook && ((year, r) => opts.hook!(spec.id, year, r)))) {
      const rnd = yearRnd(seed, spec.id, g.year, 0x7e);
      const title = `${org}${g.year}年${g.layout === LAYOUT_PRE_2019 && rnd() < 0.5 ? '度' : ''}政府信息公开工作年度报告`;
      const body = g.layout === LAYOUT_PRE_2019 ? preBody(g, words, rnd) : govBody(g, words, rnd);
      out.set(g.year, `${frontmatter(g.year, title, publishedDate(rnd, g.year, lateRate), g.stats, order)}\n${body}\n`);
    }
  } else if (spec.kind === 'party-governance') {
    const party = partyOf(spec.office, county);
    const base = prng(seriesSeed(seed, spec.id));
    const size = base();
    for (const year of sorted) {
      const rnd = yearRnd(seed, spec.id, year, 0x7e);
      const stats = partyStats(rnd, () => size);
      const body = partyBody(year, { ...words, party: party.self }, rnd);
      out.set(year, `${frontmatter(year, `${party.org}${year}年度落实全面从严治党主体责任情况报告`, publishedDate(rnd, year, lateRate), stats, order)}\n${body}\n`);
    }
  } else {
    for (const year of sorted) {
      const rnd = yearRnd(seed, spec.id, year, 0x7e);
      out.set(year, `${frontmatter(year, `${org}${year}年工作总结`, publishedDate(rnd, year, lateRate), undefined, order)}\n${generalBody(year, words, rnd)}\n`);
    }
  }
  return out;
}

const SITE_TITLES: Record<KindId, (org: string) => string> = {
  'gov-info-disclosure': (org) => `${org}政府信息公开工作年度报告`,
  'party-governance': (org) => `${org}落实全面从严治党主体责任情况报告`,
  general: (org) => `${org}年度工作总结`,
};

function siteYaml(spec: SeriesSpec, county: string): { text: string; organization: string } {
  const organization = spec.kind === 'party-governance' ? partyOf(spec.office, county).org : orgName(spec.office, county);
  const kind = KINDS[spec.kind];
  const text = [
    `# 示例数据：虚构的“${county}”的一个单位的${kind.name}，由 bench/portal-corpus.ts 生成，文字和数字均为编造。`,
    `title: ${SITE_TITLES[spec.kind](organization)}`,
    `organization: ${organization}`,
    `description: 示例数据：虚构单位${organization}历年${kind.name}（文字和数字均为编造，不是任何真实单位的报告）。`,
    `kind: ${spec.kind}`,
    `group: ${spec.office.group}`,
    'sample: true',
    '',
  ].join('\n');
  return { text, organization };
}

const SEED_COMMENT = /^# 由 bench\/portal-corpus\.ts 生成：种子 (\d+)/m;

function portalYaml(county: string, seed: number, title?: string, description?: string): string {
  return [
    `# 由 bench/portal-corpus.ts 生成：种子 ${seed}。${county}是虚构的县，各单位、报告、文字和数字均为编造。`,
    `title: ${title ?? `${county}政府信息公开工作年度报告（示例数据）`}`,
    `organization: ${county}人民政府办公室`,
    `description: ${description ?? `示例数据：虚构的${county}各单位历年年度报告，只用来测试和演示 nianbao，单位、文字和数字均为编造。`}`,
    `groups: [${GROUPS.join(', ')}]`,
    '',
  ].join('\n');
}

/**
 * Write a portal of `offices` series × `years` years to `dir` (replaced whole: a half-written corpus is never left
 * there). Every report passes `npm run check` without errors or warnings (test/bench/portal-corpus.test.ts).
 */
export function generatePortalCorpus(dir: string, opts: PortalCorpusOptions = {}): PortalCorpus {
  const seed = opts.seed ?? PORTAL_SEED;
  const county = opts.county ?? COUNTY;
  const years = portalYears(opts.years ?? PORTAL_YEARS, opts.lastYear ?? PORTAL_LAST_YEAR);
  const specs = opts.series ?? portalSeries(opts.offices ?? PORTAL_OFFICES);
  const tmp = `${resolve(dir)}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  writeFileSync(join(tmp, 'portal.yaml'), portalYaml(county, seed, opts.title, opts.description));
  const registries = new Map<KindId, string>();
  const series: PortalCorpusSeries[] = [];
  let reports = 0;
  for (const spec of specs) {
    const sdir = join(tmp, spec.id);
    mkdirSync(join(sdir, 'reports'), { recursive: true });
    const site = siteYaml(spec, county);
    writeFileSync(join(sdir, 'site.yaml'), site.text);
    if (!registries.has(spec.kind)) registries.set(spec.kind, registryYaml(KINDS[spec.kind]));
    writeFileSync(join(sdir, 'metrics.yaml'), registries.get(spec.kind)!);
    for (const [year, text] of seriesReports(spec, years, { seed, county, lateRate: opts.lateRate, hook: opts.hook })) {
      writeFileSync(join(sdir, 'reports', `${year}.mdx`), text);
      reports++;
    }
    series.push({ id: spec.id, organization: site.organization, group: spec.office.group, kind: spec.kind, years });
  }
  if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  return { dir, years, series, reports, seed };
}

/** The series of a generated portal, found by folder name among the specs the generator knows. */
function specById(id: string): SeriesSpec {
  const spec = portalSeries(OFFICES.length + OTHER_SERIES.length).find((s) => s.id === id);
  if (!spec) throw new Error(`${id} 不是 bench/portal-corpus.ts 生成的系列`);
  return spec;
}

const seriesYears = (dir: string) => readdirSync(join(dir, 'reports')).map((f) => /^(\d{4})\.mdx$/.exec(f)?.[1]).filter((y): y is string => !!y).map(Number).sort((a, b) => a - b);

export interface AddedReport {
  series: string;
  year: number;
  /** The file written. */
  file: string;
}

/**
 * One more year for one office of a generated portal: the year after its latest, written as the generator would
 * have (its 上年结转 is the latest year's 结转下年度). Default: the first gov-info series by folder name. The seed is read from
 * portal.yaml's first line. The file is the caller's to remove after the measurement.
 */
export function addPortalReport(dir: string, opts: { series?: string; seed?: number; county?: string } = {}): AddedReport {
  const portal = readFileSync(join(dir, 'portal.yaml'), 'utf8');
  const seed = opts.seed ?? Number(SEED_COMMENT.exec(portal)?.[1] ?? PORTAL_SEED);
  const ids = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'site.yaml'))).map((e) => e.name).sort();
  const id = opts.series ?? ids.find((x) => x.endsWith('-xxgk')) ?? ids[0];
  if (!id) throw new Error(`${dir} 中没有系列`);
  const years = seriesYears(join(dir, id));
  const year = (years.at(-1) ?? PORTAL_LAST_YEAR) + 1;
  const text = seriesReports(specById(id), [...years, year], { seed, county: opts.county }).get(year)!;
  const file = join(dir, id, 'reports', `${year}.mdx`);
  writeFileSync(file, text);
  return { series: id, year, file };
}

export interface BareCorpus {
  dir: string;
  /** One entry per file, in the order written: reports/0001.mdx is reports[0]. */
  reports: { file: string; series: string; year: number }[];
}

/**
 * Every report of a portal as one folder the bare baseline (bench/baseline/) builds unchanged: `reports/0001.mdx`,
 * `0002.mdx` … (its loader takes four-digit names; the page of 0001.mdx is /0001/), by series then year, the files'
 * text as they are. `outDir` is replaced whole. Run it again after addPortalReport to add the new one (it is
 * numbered after the others of its series, so later numbers move: rewrite the folder, as the build reads it all).
 */
export function writeBareCorpus(portalDir: string, outDir: string): BareCorpus {
  const ids = readdirSync(portalDir, { withFileTypes: true }).filter((e) => e.isDirectory() && existsSync(join(portalDir, e.name, 'site.yaml'))).map((e) => e.name).sort();
  const list = ids.flatMap((series) => seriesYears(join(portalDir, series)).map((year) => ({ series, year })));
  if (list.length > 9999) throw new Error(`裸构建的文件名是四位数，最多 9999 份报告，这里有 ${list.length} 份`);
  const tmp = `${resolve(outDir)}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(join(tmp, 'reports'), { recursive: true });
  const reports = list.map((r, i) => {
    const file = join('reports', `${String(i + 1).padStart(4, '0')}.mdx`);
    writeFileSync(join(tmp, file), readFileSync(join(portalDir, r.series, 'reports', `${r.year}.mdx`)));
    return { file, ...r };
  });
  if (existsSync(outDir)) rmSync(outDir, { recursive: true, force: true });
  renameSync(tmp, outDir);
  return { dir: outDir, reports };
}

// ---------------------------------------------------------------------------------------------
// CLI

if (import.meta.main) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { offices: { type: 'string' }, years: { type: 'string' }, seed: { type: 'string' }, bare: { type: 'string' } } });
  const dir = positionals[0];
  if (!dir) {
    console.error('用法：node bench/portal-corpus.ts 目录 [--offices 40] [--years 10] [--seed N] [--bare 裸构建目录]');
    process.exit(2);
  }
  const corpus = generatePortalCorpus(dir, { offices: values.offices ? Number(values.offices) : undefined, years: values.years ? Number(values.years) : undefined, seed: values.seed ? Number(values.seed) : undefined });
  console.log(`门户测试内容：${corpus.dir}，${corpus.series.length} 个系列，${corpus.years[0]}–${corpus.years.at(-1)} 年，${corpus.reports} 份报告（种子 ${corpus.seed}）`);
  if (values.bare) console.log(`裸构建内容：${writeBareCorpus(dir, values.bare).reports.length} 份报告在 ${values.bare}/reports/`);
}
