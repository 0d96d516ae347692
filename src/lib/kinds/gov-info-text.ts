// 文字与表格数字不一致: a gov-info report's prose restates the totals of its tables (“全年共收到政府信息公开申请75件”,
// “上年结转3件”, “结转下年度继续办理2件”, “被申请行政复议2件、提起行政诉讼7件”); where the sentence names the same
// figure as a table cell and says another number, check says so, naming the sentence (line) and the cell (field).
//
// Evaluators flag this slip, and a tool in the field had to switch its version off for false alarms: “收到申请N件”
// may count 信访 or 咨询, a channel (网上申请), an applicant type (自然人), a sub-period, a sum over offices, or the
// requests handled this year with last year's included. So a sentence is compared only when it names the figure
// without doubt, and a sentence that could mean either of two table figures is wrong only if it equals neither:
//
// - the count is an exact number of 件 (a masked `**件`, `30余件`, 约/近/超过 … and `<Stat>` are not read), in
//   a sentence of the report's own year, not a comparison (较上年、同比), not a cumulative or part-year figure;
// - requests: the clause says 政府信息公开申请 / 依申请公开 itself (a bare 申请 is not enough), names no applicant
//   type, channel (unless 各类/共计), outcome, 信访/举报/投诉/咨询 or several offices (各级、各部门 …), and does
//   not start with 其中. “本年新收” is the table's row and means 一、本年新收 only; 收到/受理/接收 may also mean
//   新收 + 上年结转 (平潭 2022 writes 收到75件 for 74 new and 1 carried over); 办结/答复 means （七）总计;
// - 行政复议 / 行政诉讼: about 政府信息公开 (in the sentence or the section heading), as the respondent (not
//   受理/办理/审理 行政复议, which is the organ's own review work), the total (no 维持/纠正/审结 …), one of the
//   two (not “行政复议、行政诉讼共3件”); 行政诉讼 is 未经复议直接起诉 + 复议后起诉 unless the words say which.
//
// The figures are the metric ids of the 2021 layout that continue into the older layouts; a report whose
// registry or stats lack one (another layout, a blank cell) is not compared on it.
import type { Registry } from '../content/metrics.ts';
import type { Problem } from '../content/problems.ts';
import type { StatValue } from '../content/stat.ts';
import { cellName } from '../content/sum-rules.ts';
import { findCounts, type Count } from '../import/counts.ts';
import type { KindReport } from './kind.ts';

export const TEXT_TABLE_TERM = '文字与表格数字不一致';

/** The table figures a sentence can restate, each a metric id or a sum of them. */
export const FIGURES = {
  new: ['requests-new-total'],
  'carried-over': ['requests-carried-over-total'],
  results: ['requests-results-total-total'],
  'carried-forward': ['requests-carried-forward-total'],
  review: ['review-total'],
  litigation: ['litigation-direct-total', 'litigation-after-review-total'],
  'litigation-direct': ['litigation-direct-total'],
  'litigation-after-review': ['litigation-after-review-total'],
} as const satisfies Record<string, readonly string[]>;
export type Figure = keyof typeof FIGURES;

/** What the words of the sentence name, as the table says it. */
const FIGURE_WORDS: Record<Figure, string> = {
  new: '本年新收政府信息公开申请',
  'carried-over': '上年结转政府信息公开申请',
  results: '本年度办理结果总计',
  'carried-forward': '结转下年度继续办理',
  review: '行政复议总计',
  litigation: '行政诉讼（未经复议直接起诉与复议后起诉）总计',
  'litigation-direct': '行政诉讼 未经复议直接起诉 总计',
  'litigation-after-review': '行政诉讼 复议后起诉 总计',
};

/** A figure stated in the prose, with the table figures it may mean (the first is what its words name). */
export interface StatedFigure {
  /** Line in the body (1-based). */
  line: number;
  /** The sentence, as the reader sees it (`<Stat>` and hidden text shown as ○). */
  sentence: string;
  written: string;
  /** 件, 起 or 宗, as written. */
  unit: string;
  value: number;
  readings: Figure[][];
}

const HIDDEN = '○';
const UNITS = ['件', '起', '宗'];

// ---------- the prose of an MDX body, line by line ----------

/** Each prose line of the body with its line number: table rows, headings, JSX blocks and code are not prose. */
function proseLines(body: string): { line: number; text: string; heading: string }[] {
  // Hidden text never reaches a message (it would show on /review/ in the public edition); a <Stat> is the data itself.
  const plain = body
    .replace(/<Redact\b[^>]*>[\s\S]*?<\/Redact>/g, (m) => HIDDEN + '\n'.repeat(m.split('\n').length - 1))
    .replace(/<Stat\b[^>]*\/>/g, HIDDEN);
  const out: { line: number; text: string; heading: string }[] = [];
  let heading = '';
  let fence = false;
  plain.split('\n').forEach((raw, i) => {
    const t = raw.trim();
    if (/^(```|~~~)/.test(t)) fence = !fence;
    if (fence || !t || t.startsWith('|') || t.startsWith('<') || t.startsWith('{')) return;
    if (/^#{1,6}\s/.test(t)) {
      if (/^##\s/.test(t)) heading = t;
      else heading = `${heading.split('\n')[0]}\n${t}`;
      return;
    }
    const text = t
      .replace(/^(?:>\s*)+/, '')
      .replace(/^(?:[-+*]|\d+[.)])\s+/, '')
      .replace(/(\*\*|__)(?=\S)([^*_]+?)\1/g, '$2')
      .replace(/\\([\\`*_{}[\]()#+\-.!<>|~])/g, '$1');
    out.push({ line: i + 1, text, heading });
  });
  return out;
}

// ---------- words ----------

const REQUEST = /政府信息公开申请|信息公开申请|依申请公开|申请公开|公开申请/;
const NEW_EXPLICIT = /(?:本年度?|今年|全年)?新收/;
const RECEIVE = /收到|受理|接收|接到|收悉|登记|提出|提交|新增/;
const CONCLUDE = /办结|办理完毕|处理完毕|答复/;
const OVER = /上一?年度?结转|结转上一?年度?|去年结转|上年度?遗留/;
const FORWARD = /结转(?:至|到|入)?下一?年度?|顺延(?:至|到)?下一?年度?|转入下一?年度?|下一?年度继续办理|跨年度?办理/;
const INCLUDES_OVER = /[含包括]+[^，。；）)]*?(?:上一?年度?结转|结转上一?年度?)/;
const REVIEW = /行政复议/;
const LITIGATION = /行政诉讼|诉讼|起诉|应诉/;
const AFTER_REVIEW = /复议后(?:被)?(?:提起)?(?:行政)?(?:诉讼|起诉)|经复议后?(?:被)?(?:提起)?(?:行政)?(?:诉讼|起诉)/;
const DIRECT = /未经复议|直接(?:提起)?(?:行政)?(?:诉讼|起诉)/;

/** Not these things at all. */
const OTHER_THING = /信访|举报|投诉|咨询|留言|来信|来访|热线|12345|建议|提案|意见/;
/** A part of the requests: one applicant type, one channel, one outcome. */
const APPLICANT = /自然人|法人|企业|商业|科研|公益|法律服务|律师|个人|其他组织/;
const CHANNEL = /网上|网络|在线|当面|现场|窗口|信函|邮寄|传真|邮件|电话|平台|小程序/;
const ALL = /各类|共计|合计|总计|全部|所有|总数|共收到|共受理|共接收/;
const OUTCOME = /予以公开|部分公开|不予公开|无法提供|不予处理|其他处理|不掌握|不存在|重复|逾期|补正|告知|转办|撤回|维持|纠正|纠错|撤销|驳回|确认违法|责令|败诉|胜诉|审结|结案|未结|尚未|结果|一审|二审|上诉|再审|开庭|出庭/;
/** A sum over several offices, which a single office's table need not be. */
const MANY_OFFICES = /各级|各部门|各单位|各乡镇|各街道|各县|各区|各地|所属|下属|直属|系统内|全系统/;
/** Not this year's total. */
const PART_YEAR = /上半年|下半年|季度|以来|历年|累计|截至目前|至今|月份/;
const COMPARISON = /同比|环比|较|比上年|比去年|增长|减少|下降|上升|增加|持平|去年|上一年|上年(?!度?结转)|往年|前年/;
const APPROX_BEFORE = /(?:约|近|逾|超|超过|将近|大约|接近|不到|不足|不少于|多于|少于|达近|上)\s*$/;
const APPROX_AFTER = /^\s*(?:左右|以上|以下|上下|之多)/;
/** The organ reviewing, not reviewed: its own 行政复议 work. */
const REVIEWER = /(?:受理|办理|审理|审结|承办|收到|办结)[^，。；]*行政复议/;
const ABOUT_DISCLOSURE = /信息公开|政府信息/;

/** The year a piece of text is about, when it names one (2022年, 2022年度). */
function yearsIn(text: string): number[] {
  return [...text.matchAll(/((?:19|20)\d{2})\s*年/g)].map((m) => Number(m[1]));
}

// ---------- sentences, clauses, pieces ----------

interface Piece {
  /** The text of the piece: the words that go with one count. */
  text: string;
  /** The clause (between ，：；（） …) it stands in. */
  clause: string;
  count: Count;
  /** Inside （…）. */
  inParens: boolean;
  /** Offset of the piece in the sentence. */
  at: number;
}

/** Sentences (to 。！？；) of a line. */
function sentences(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  const re = /[^。！？；!?;]+[。！？；!?;]?/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ text: m[0], start: m.index });
  return out;
}

/**
 * The pieces of a sentence: clauses split at ，：（） and then at 、, a piece without a count joining the next
 * (“行政复议、行政诉讼案件3件” is one piece), and a piece with several counts cut between them.
 */
function pieces(sentence: string): Piece[] {
  const out: Piece[] = [];
  const re = /[^，,：:（）()]+/g;
  let depth = 0;
  let last = 0;
  for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
    for (const ch of sentence.slice(last, m.index)) depth += ch === '（' || ch === '(' ? 1 : ch === '）' || ch === ')' ? -1 : 0;
    last = m.index;
    const clause = m[0];
    // A <Stat> (○件) is a count of its own for cutting the clause, though not one to compare.
    const hidden = [...clause.matchAll(new RegExp(`${HIDDEN}\\s*(${UNITS.join('|')})`, 'g'))].map((h) => ({ start: h.index, end: h.index + 1, unitEnd: h.index + h[0].length, hidden: true }));
    const found = findCounts(clause, UNITS).filter((c) => UNITS.includes(c.unit));
    const counts: (Pick<Count, 'start' | 'end' | 'unitEnd'> & { count?: Count })[] = [...found.map((c) => ({ start: c.start, end: c.end, unitEnd: c.unitEnd, count: c })), ...hidden].sort((a, b) => a.start - b.start);
    if (found.length === 0) continue;
    // Segments at 、, each with its count; words without a count of their own go with the next count
    // (“行政复议、行政诉讼案件3件”), and two counts with no 、 between them are cut after the first's unit.
    let from = 0;
    counts.forEach((c, i) => {
      const next = counts[i + 1];
      let to = clause.length;
      if (next) {
        const cut = clause.lastIndexOf('、', next.start);
        to = cut >= c.unitEnd ? cut : c.unitEnd;
      }
      const text = clause.slice(from, to);
      if (c.count) out.push({ text, clause, count: { ...c.count, start: c.start - from, end: c.end - from, unitEnd: c.unitEnd - from }, inParens: depth > 0, at: m!.index + from });
      from = next && clause[to] === '、' ? to + 1 : to;
    });
  }
  return out;
}

// ---------- what a piece states ----------

/** The table figures a piece may mean, best first; none when it is not clearly one of them. */
function readingsOf(p: Piece, sentence: string, heading: string, previous: Figure | undefined): Figure[][] {
  const t = p.text;
  // An office's name is not what it counts (荣成市信访局共受理政府信息公开申请4件).
  if (OTHER_THING.test(t.replace(/信访(?:局|办|委|室)/g, '')) || PART_YEAR.test(t)) return [];
  const isForward = FORWARD.test(t);
  const isOver = OVER.test(t);
  const isReview = REVIEW.test(t);
  const isLitigation = LITIGATION.test(t.replace(AFTER_REVIEW, '复议后起诉'));
  if (isForward || isOver) {
    if (isForward && isOver) return [];
    if (isReview || APPLICANT.test(t) || OUTCOME.test(t.replace(/继续办理/, ''))) return [];
    return [[isForward ? 'carried-forward' : 'carried-over']];
  }
  if (COMPARISON.test(t)) return [];
  if (isReview || isLitigation) {
    if (REVIEWER.test(t) || OUTCOME.test(t)) return [];
    const after = AFTER_REVIEW.test(t);
    const direct = DIRECT.test(t);
    // Both named and not as 复议后起诉: a count of the two together.
    if (isReview && !after && /诉讼|起诉/.test(t)) return [];
    const about = ABOUT_DISCLOSURE.test(sentence.slice(0, p.at + t.length)) || /复议|诉讼/.test(heading) || (previous !== undefined && previous !== 'new' && previous !== 'results');
    if (!about) return [];
    if (after && direct) return [];
    if (after) return [['litigation-after-review']];
    if (direct) return [['litigation-direct']];
    return [[isReview ? 'review' : 'litigation']];
  }
  if (!REQUEST.test(t)) return [];
  if (p.inParens || /^\s*(?:其中|含|包括|包含)/.test(t)) return [];
  if (APPLICANT.test(t) || OUTCOME.test(t) || (CHANNEL.test(t) && !ALL.test(t))) return [];
  const withOver: Figure[][] = INCLUDES_OVER.test(sentence) ? [['new', 'carried-over']] : [];
  if (NEW_EXPLICIT.test(t)) return [['new'], ...withOver];
  const receive = RECEIVE.test(t);
  const conclude = CONCLUDE.test(t);
  if (receive && conclude) return [['new'], ['new', 'carried-over'], ['results']];
  if (conclude) return [['results']];
  if (receive) return [['new'], ['new', 'carried-over']];
  // 办理 / 处理, or no verb at all: any of the three.
  return [['new'], ['new', 'carried-over'], ['results']];
}

/** Every figure the prose of a body states that a table also holds (see the head of this file for what is read). */
export function statedFigures(body: string, year: number): StatedFigure[] {
  const out: StatedFigure[] = [];
  for (const { line, text, heading } of proseLines(body)) {
    if (!/\d\s*[件起宗]/.test(text)) continue;
    for (const s of sentences(text)) {
      if (MANY_OFFICES.test(s.text)) continue;
      let previous: Figure | undefined;
      for (const p of pieces(s.text)) {
        const c = p.count;
        const readings = c.value.kind === 'exact' ? readingsOf(p, s.text, heading, previous) : [];
        const approximate = APPROX_BEFORE.test(s.text.slice(0, p.at + c.start)) || APPROX_AFTER.test(p.text.slice(c.unitEnd));
        // The sentence up to the piece: a year other than the report's, a month or a part of the year makes it another period.
        const upTo = s.text.slice(0, p.at + p.text.length);
        const otherYear = yearsIn(upTo).some((y) => y !== year);
        const otherPeriod = PART_YEAR.test(upTo) || /\d+\s*月/.test(upTo.replace(/1\s*月\s*1\s*日|12\s*月\s*31\s*日/g, ''));
        if (readings.length === 0 || approximate || otherYear || otherPeriod || c.value.kind !== 'exact') {
          previous = readings.length ? readings[0]![0] : undefined;
          continue;
        }
        previous = readings[0]![0];
        out.push({ line, sentence: s.text.trim(), written: c.written, unit: c.unit, value: c.value.value, readings });
      }
    }
  }
  return out;
}

// ---------- against the table ----------

function exact(stats: Record<string, StatValue>, id: string): number | undefined {
  const v = Object.hasOwn(stats, id) ? stats[id] : undefined;
  return v?.kind === 'exact' ? v.value : undefined;
}

/** The table's value of a reading (a sum of figures), when every cell of it is in the registry and exact. */
function tableValue(reading: Figure[], registry: Registry, stats: Record<string, StatValue>): number | undefined {
  let sum = 0;
  for (const id of reading.flatMap((f) => FIGURES[f])) {
    if (!registry.byId.has(id)) return undefined;
    const v = exact(stats, id);
    if (v === undefined) return undefined;
    sum += v;
  }
  return sum;
}

function quote(sentence: string, max = 60): string {
  const s = sentence.replace(/[。！？；!?;]$/, '');
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

/**
 * The kind check: every stated figure whose table figures are all known and none of which it equals. The problem
 * is on the sentence's line; its field is the cell the words name (stats.<id>), the message names the table place.
 */
export function textTableProblems(report: KindReport, registry: Registry): Problem[] {
  if (typeof report.body !== 'string') return [];
  const offset = report.bodyLineOffset ?? 0;
  const problems: Problem[] = [];
  for (const f of statedFigures(report.body, report.year)) {
    const values = f.readings.map((r) => tableValue(r, registry, report.data.stats));
    if (values.some((v) => v === undefined) || values.some((v) => v === f.value)) continue;
    const [first] = f.readings as [Figure[]];
    const ids = first.flatMap((x) => FIGURES[x]);
    const metrics = ids.map((id) => registry.byId.get(id)!);
    const hidden = metrics.some((m) => !m.public);
    const place = `${metrics[0]!.group} ${metrics.map((m) => `${cellName(m)}（${m.id}）`).join(' 加 ')}`;
    const shown = hidden ? '' : `为 ${values[0]}`;
    const others = f.readings.slice(1).map((r, i) => `${r.map((x) => FIGURE_WORDS[x]).join('加')}${hidden ? '' : ` ${values[i + 1]}`}`);
    problems.push({
      severity: 'warning',
      file: report.file,
      line: f.line + offset,
      field: `stats.${ids[0]}`,
      message: `${report.year}年 ${TEXT_TABLE_TERM}：正文“${quote(f.sentence)}”写 ${f.written} ${f.unit}，表格 ${place}${shown}${others.length ? `（${others.join('，')}，也都不是 ${f.written}）` : ''}`,
      rule: 'text-table',
      hint: `正文和表格说的是同一个数（${FIGURE_WORDS[first[0]!]}），应当相等：请核对这句话和表中这一格，改正写错的一处；写成 <Stat id="${ids[0]}" /> 可直接引用表中数字${ids.length > 1 ? '之一' : ''}。如果这句话数的不是同一件事（只算其中一部分、另一段时间或几个单位合计），请把说法写明确`,
    });
  }
  return problems;
}
