// The name of what a count counts, read from its sentence, for a metric `import --add-metrics`
// registers: "召开党风廉政建设专题会议12次" → 党风廉政建设专题会议, "全区共主动公开政府信息14571条" →
// 主动公开政府信息, "注销2个无人维护或重复建设的政务新媒体" → 注销政务新媒体.
//
// The words that name a count stand right before its number, back to the clause boundary (，；：。) or
// the count before it; offices write them after the subject, time and manner of the work ("2022年，区纪
// 工委共受理信访举报45件"), which are dropped, and often after a verb that says nothing about what was
// counted (召开, 开展, 组织). When the number stands before what it counts ("走访12家企业", "等15个项
// 目") the noun after the unit joins them. Relative figures — changes (同比增长2.3%), shares (占33.9%)
// and "分别" lists — are not metrics of their own and are left for the author.
import type { Count } from './counts.ts';
import { words, type Word } from './words.ts';

/** Longest label, in characters: long enough for 党风廉政（扩大）会议专题研究, short enough for a table row. */
export const MAX_LABEL = 16;
/** Longest noun taken from after the unit. */
const MAX_AFTER = 10;

export type LabelResult = { label: string } | { skip: string };

/** Units of things done (meetings held, checks made): what was done stands before the number. */
const EVENT_UNITS = new Set(['次', '场', '期', '轮', '人次', '万人次', '件次', '场次', '批次', '户次', '个次', '课时']);
/** Amounts and shares: what follows them is never what they count. */
const AMOUNT_UNITS = new Set(['元', '万元', '亿元', '%']);

const CLAUSE_END = /[。！？!?；;，,：:\n]/;
const BRACKETS: Record<string, string> = { '（': '）', '(': ')', '【': '】', '〔': '〕', '[': ']', '「': '」', '『': '』', '《': '》', '“': '”', '‘': '’' };
const CLOSERS = new Set(Object.values(BRACKETS));
/** Characters that carry no words: punctuation, symbols and spaces. */
const NOT_A_WORD = /^[\p{P}\p{S}\s]+$/u;

// Leading words that say when, where, who or how much, never what: dropped from the front, repeatedly.
const LEADING = new RegExp(
  '^(?:' +
    [
      // numbering of items and sub-points
      '[一二三四五六七八九十]+是', '[（(][一二三四五六七八九十\\d]+[）)]', '[一二三四五六七八九十]+、', '\\d+[.．、]', '首先', '其次', '再次', '最后', '一方面', '另一方面',
      // joining words
      '、', '和', '及', '以及', '与', '并', '并且', '同时', '另外', '此外', '另有', '另', '其中', '含', '包括', '包含', '还有', '将',
      // time
      '(?:19|20)\\d{2}\\s*年(?:度)?(?:以来|全年|内|底|初)?', '\\d{1,2}\\s*[-—－~～至到]\\s*\\d{1,2}\\s*月(?:份)?', '\\d{1,2}\\s*月(?:份)?(?:以来|底|初)?',
      '全年度?', '今年(?:以来)?', '本年度?', '年内', '年度内', '当年', '[上下]半年', '第?[一二三四]季度', '一年来', '近年来', '以来', '截至(?:目前|年底|\\d{1,2}月底?)?', '目前', '至今', '期间', '同期',
      // scope and the office itself
      '全(?:区|市|县|省|国|镇|乡|街道|局|委|系统)', '我(?:局|区|市|县|委|部|办|厅|院|校|单位|中心|公司)', '本(?:局|区|市|县|单位|机关|部门|级)',
      // how much, how often
      '共计', '合计', '累计', '总计', '共有', '共', '先后', '已经', '已', '均', '都', '还', '也', '又', '再', '仍',
      // verbs that only say that something took place
      '组织召开', '组织开展', '召开', '开展', '组织', '举办', '举行', '进行', '实现',
      // prepositions that open a phrase of manner or place
      '通过', '经过', '按照', '根据', '依据', '依托', '围绕', '针对', '结合', '利用', '借助', '面向', '聚焦', '对于', '对', '向', '为', '在', '经', '由', '从', '以',
    ].join('|') +
    ')',
);

/** Trailing words between the name and the number: "信息公开申请共计81件", "旅游人数约700万人次". */
const TRAILING = new RegExp(
  '(?:' +
    ['共计', '合计', '累计', '总计', '共', '约计', '大约', '约', '将近', '近', '超过', '超', '逾', '高达', '达到', '已达', '达', '计', '为', '有', '了', '仅', '只', '各', '的',
      '提升至', '提高至', '上升至', '增至', '增长至', '增加到', '提高到', '降至', '下降至', '减至', '缩至', '压缩至', '至', '到'].join('|') +
    ')$',
);

/** "分别增长25%、22%", "分别恢复至…的98.5%": one number for each of several things named before. */
const RESPECTIVELY = /分别(?:为|是|有|达到?|占|增长|增加|下降|减少|提高|提升|恢复至|比上年|较上年)|分别$/;

/** The number is a change, not a count, when the words before it end with one of these. */
const CHANGE = /(?:同比|环比|比上年|较上年|比去年|较去年|较|比)?(?:增长|增加|下降|减少|回落|提高|提升|上升|降低|压缩|缩短|增|降|减)$/;

/** Words after the unit where the counted noun has ended and the sentence goes on. */
const AFTER_STOP = new Set([
  '加强', '实现', '进行', '开展', '提供', '采用', '进入', '通过', '得以', '获', '获评', '获得', '受益', '办理', '完成', '参与', '享受', '发放', '纳入', '入选', '被', '由', '为', '已',
  '均', '全部', '因此', '并', '和', '及', '以及', '与', '等', '压缩', '顺利', '在', '于', '给', '向', '对', '将', '把', '使', '让', '进驻', '上线', '实施', '先行', '予以', '以上', '以下', '左右', '上', '中', '内', '里', '后', '前',
]);

/** Offices and bodies that stand as the subject before the verb: "开发区受理来信来访", "区纪工委查处". */
const SUBJECT_END = /(?:开发区|实验区|新区|高新区|自治区|管委会|委员会|政府|办公室|办公厅|纪工委|党工委|纪委|监委|党委|党组|工委|局|厅|委|办|院|机关|单位|公司|市|县|省)$/;

/** 共/累计/先后: the subject and its adverbs end here ("区纪工委共受理…"), or what is said of the next count begins ("赛事活动累计曝光率超2000万人次"). */
const TOTAL_WORDS = new Set(['累计', '共', '共有', '共计', '合计', '总计', '先后']);

/** Drop words from either end (LEADING, TRAILING) only where a word ends, so 组织部 keeps 组织 and 公共 keeps 共. */
function stripEnds(phrase: string): string {
  let s = trimPunctuation(phrase.trim());
  for (let guard = 0; guard < 50; guard++) {
    const before = s;
    const ws = words(s);
    const ends = new Set(ws.map((w) => w.end));
    const lead = LEADING.exec(s);
    if (lead && lead[0].length > 0 && ends.has(lead[0].length)) s = s.slice(lead[0].length).trim();
    const trail = TRAILING.exec(s);
    if (trail && trail[0].length > 0 && (trail.index === 0 || ends.has(trail.index))) s = s.slice(0, trail.index).trim();
    s = trimPunctuation(s);
    if (s === before) break;
  }
  return s;
}

function opens(closer: string): string[] {
  return Object.entries(BRACKETS)
    .filter(([, c]) => c === closer)
    .map(([o]) => o);
}

/** Punctuation at either end, except a bracket or quote whose other half is inside. */
function trimPunctuation(s: string): string {
  let t = s.trim();
  for (;;) {
    const first = t[0];
    const last = t[t.length - 1];
    if (first && /[\p{P}\p{S}\s]/u.test(first) && !(BRACKETS[first] && t.includes(BRACKETS[first] as string, 1))) t = t.slice(1);
    else if (last && /[\p{P}\p{S}\s]/u.test(last) && !(CLOSERS.has(last) && opens(last).some((o) => t.slice(0, -1).includes(o)))) t = t.slice(0, -1);
    else return t;
  }
}

/** "区纪工委共受理信访举报" → 受理信访举报; "开发区受理来信来访" → 受理来信来访. */
function dropSubject(s: string): string {
  const ws = words(s).filter((w) => !NOT_A_WORD.test(w.text));
  // 共/累计/先后 in the middle ends the subject and its adverbs.
  for (let i = ws.length - 2; i >= 1; i--) {
    const w = ws[i] as Word;
    if (TOTAL_WORDS.has(w.text)) return s.slice(w.end).trim();
    // "对…重要议题进行权威发布", "班子成员分别到联系社区进行党风廉政宣讲": what is done follows 进行/开展.
    if (/^(?:进行|开展)$/.test(w.text) && letters(s.slice(w.end)) >= 2) return s.slice(w.end).trim();
  }
  // An office or body (three characters or more, so 政府预决算 keeps its 政府), then a verb.
  const verb = ws.findIndex((w) => w.pos === 'v');
  if (verb >= 1) {
    const subject = s.slice(0, (ws[verb] as Word).start);
    const nouns = ws.slice(0, verb).every((w) => /^(?:n|ns|nt|nz|j)/.test(w.pos));
    if ([...subject].length >= 3 && SUBJECT_END.test(subject) && nouns) return s.slice((ws[verb] as Word).start).trim();
  }
  return s;
}

/** Without brackets or quotes whose other half is missing: "年”行动" → 年行动. */
function balance(s: string): string {
  let out = closeOff(s);
  for (let i = 0; i < out.length; i++) {
    const ch = out[i] as string;
    if (CLOSERS.has(ch) && !opens(ch).some((o) => out.slice(0, i).includes(o))) {
      out = out.slice(0, i) + out.slice(i + 1);
      i--;
    }
  }
  return out;
}

/** A bracket or quote opened and not closed: cut before it ("材料运用“一项目一" → 材料运用). */
function closeOff(s: string): string {
  const open = afterOpenBracket(s, 0, s.length);
  return open === undefined ? s : s.slice(0, open - 1);
}

/** At most `max` characters, whole words, keeping the front (the noun after a unit reads from its start). */
function fitFront(s: string, max: number): string {
  if ([...s].length <= max) return closeOff(s);
  let out = '';
  for (const w of words(s)) {
    if ([...out + w.text].length > max) break;
    out += w.text;
  }
  return trimPunctuation(closeOff(out));
}

/**
 * At most `max` characters, whole words, keeping the end (the words nearest the number name it), never
 * starting inside a bracket or quote pair, and without a cut-off 的 phrase in front.
 */
function fitBack(s: string, max: number): string {
  if ([...s].length <= max) return s;
  const ws = words(s);
  let start = ws.length;
  while (start > 0 && [...s.slice((ws[start - 1] as Word).start)].length <= max) start--;
  let out = s.slice((ws[start] as Word | undefined)?.start ?? s.length);
  for (let i = 0; i < out.length; i++) {
    const ch = out[i] as string;
    if (CLOSERS.has(ch) && !opens(ch).some((o) => out.slice(0, i).includes(o))) {
      out = out.slice(i + 1);
      i = -1;
    }
  }
  // Starting on an opening bracket reads badly: "（扩大）会议…" → "会议…".
  while (BRACKETS[out[0] ?? ''] && !/[“‘《]/.test(out[0] ?? '')) {
    const close = out.indexOf(BRACKETS[out[0] as string] as string);
    out = close < 0 ? out.slice(1) : out.slice(close + 1);
  }
  const de = out.indexOf('的');
  if (de >= 0 && letters(out.slice(de + 1)) >= 2) out = out.slice(de + 1);
  return trimPunctuation(stripEnds(out));
}

/** Nouns that close a classifier phrase and let the next count's words begin: "*个方面排查问题*个". */
const MEASURE_NOUNS = new Set(['方面', '领域', '部门', '单位', '环节', '类', '大类', '种', '批']);
/** A figure the count pattern does not know ("住宿2000间、床位3000个"): the words before it name that figure, not this one. */
const INNER_FIGURE = /\d[\d.]*\s*[万亿]?(?:大类|[个项类间条件人次家所名户批期场份篇套台辆座处张本宗])、?/g;
/** Words that join the items of a list. */
const JOINERS = new Set(['、', '和', '及', '以及', '与', '并']);
/** Meetings named by their business: "召开党风廉政（扩大）会议专题研究党风廉政工作" is a count of 党风廉政（扩大）会议. */
const MEETING_ABOUT = /^(.{3,}?(?:会议|会))(?:专题|集中)?(?:研究|学习|传达|部署|听取|审议|讨论)/u;

function letters(s: string): number {
  return [...s].filter((ch) => /\p{L}/u.test(ch)).length;
}

function clauseStart(text: string, at: number): number {
  for (let i = at - 1; i >= 0; i--) if (CLAUSE_END.test(text[i] as string)) return i + 1;
  return 0;
}

/** After the innermost bracket or quote opened in [from, to) and not closed there, if any. */
function afterOpenBracket(text: string, from: number, to: number): number | undefined {
  const open: number[] = [];
  for (let i = from; i < to; i++) {
    const ch = text[i] as string;
    if (BRACKETS[ch]) open.push(i);
    else if (CLOSERS.has(ch) && open.length && BRACKETS[text[open[open.length - 1] as number] as string] === ch) open.pop();
  }
  return open.length ? (open[open.length - 1] as number) + 1 : undefined;
}

/**
 * Of the words between two counts, the part that belongs to the second — the rest is the first count's
 * noun. A list of counts: after the 、/和/及 ("施工许可证76条、安全生产许可证121条"; "实现300项“网上办”、
 * 60项“掌上办”" gives none). Without a list: none when the words are the first count's noun ("12个部门
 * 43个"); from a verb or a 累计/共 on ("1643家参保单位发放稳岗返还资金447.51万元"); after a measure noun
 * ("*个方面排查问题*个"); all of it after an amount, which never has a noun after it.
 */
function ownWords(between: string, previousUnit: string): { own: string; list: boolean } {
  if (AMOUNT_UNITS.has(previousUnit)) return { own: between, list: false };
  const ws = words(between);
  const content = ws.filter((w) => !NOT_A_WORD.test(w.text) || JOINERS.has(w.text));
  const joiner = content.findIndex((w) => JOINERS.has(w.text));
  if (joiner >= 0) {
    // "“网上办”、60项": the list of counts goes on, and this one's words come after its number.
    if (content.slice(joiner).every((w) => JOINERS.has(w.text))) return { own: '', list: true };
    // "享受养老、失业、工伤3项": a verb before the list makes the whole list this count's.
    if (content[0] && content[0].pos === 'v' && joiner > 0) return { own: between.slice(content[0].start), list: false };
    return { own: between.slice((content[joiner] as Word).end), list: true };
  }
  const first = content[0];
  if (!first) return { own: '', list: true };
  if (MEASURE_NOUNS.has(first.text) && content.length > 1) return { own: between.slice(first.end), list: false };
  // After "1643家" a noun is expected (参保单位, whose 参保 jieba reads as a verb): look for the turn first.
  const turn = content.findIndex((w, i) => i >= 1 && (TOTAL_WORDS.has(w.text) || w.pos === 'v' || w.pos === 'd'));
  const classifier = !EVENT_UNITS.has(previousUnit);
  if (classifier && turn >= 0) return { own: between.slice((content[turn] as Word).start), list: false };
  if (first.pos === 'v') return { own: between.slice(first.start), list: false };
  if (turn >= 0) return { own: between.slice((content[turn] as Word).start), list: false };
  return { own: '', list: true };
}

/** Where the words of count `index` may begin, and whether they continue a list begun by the count before it. */
function wordsStart(text: string, counts: Count[], index: number): { from: number; follows: boolean } {
  const c = counts[index] as Count;
  let from = clauseStart(text, c.start);
  const prev = counts[index - 1];
  const bracket = afterOpenBracket(text, Math.max(from, prev?.unitEnd ?? 0), c.start);
  if (bracket !== undefined) return { from: bracket, follows: false };
  let follows = false;
  if (prev && prev.unitEnd > from) {
    const { own, list } = ownWords(text.slice(prev.unitEnd, c.start), prev.unit);
    from = c.start - own.length;
    follows = list;
  }
  return { from, follows };
}

/**
 * The noun right after the unit, up to the next count's own words: "家企业了解情况" → 企业,
 * "个无人维护或重复建设的政务新媒体" → 政务新媒体, "个方面排查问题*个" → 方面.
 */
function nounAfter(text: string, counts: Count[], index: number): string {
  const c = counts[index] as Count;
  const next = counts[index + 1];
  let span = text.slice(c.unitEnd, next ? wordsStart(text, counts, index + 1).from : text.length);
  const stop = span.search(/[。！？!?；;，,：:、\n（(）)】〕」』]/);
  if (stop >= 0) span = span.slice(0, stop);
  const ws = words(span);
  // "…重复建设的政务新媒体": the noun is what follows the last 的 (when no verb of the sentence comes first).
  let begin = 0;
  for (const w of ws) {
    if (AFTER_STOP.has(w.text)) break;
    if (w.text === '的') begin = w.end;
  }
  let end = begin;
  for (const w of ws) {
    if (w.start < begin) continue;
    const soFar = [...span.slice(begin, w.start)].length;
    const verbOrAdverb = (w.pos === 'd' || w.pos === 'p' || w.pos === 'f') && soFar >= 2;
    if (AFTER_STOP.has(w.text) || verbOrAdverb || /^\d/.test(w.text) || w.text === '的') break;
    end = w.end;
  }
  return fitFront(balance(trimPunctuation(span.slice(begin, end).replace(TRAILING, ''))), MAX_AFTER);
}

/** A verb that governs a list of short items ("整合税务、医社保等"), kept when the items are dropped. */
function governingVerb(list: string): string {
  const ws = words(list).filter((w) => !NOT_A_WORD.test(w.text));
  const first = ws[0];
  if (!first || !/^(?:v|vn|ad)$/.test(first.pos) || [...first.text].length < 2 || ws.length < 2) return '';
  const rest = list.slice(first.end);
  const item = rest.split(/[、等]/)[0] ?? '';
  return [...item].length <= 8 ? first.text : '';
}

function clean(phrase: string): string {
  return stripEnds(dropSubject(stripEnds(phrase)));
}

interface Named {
  before: string;
  after: string;
  /** The words before the number ended in 的 ("现存的33个政务新媒体"). */
  de: boolean;
  skip?: string;
}

function named(text: string, counts: Count[], index: number, depth: number): Named {
  const c = counts[index] as Count;
  const { from, follows } = wordsStart(text, counts, index);
  let raw = text.slice(from, c.start);
  // A figure the count pattern does not know: in a list ("住宿2000间、床位") the words before it are its
  // own; otherwise it is dropped from the words ("已归集5类行政管理数据" → 归集行政管理数据).
  const figures = [...raw.matchAll(INNER_FIGURE)];
  const listed = figures.filter((m) => m[0].endsWith('、')).pop();
  if (listed) raw = raw.slice((listed.index ?? 0) + listed[0].length);
  raw = raw.replace(INNER_FIGURE, (m) => (m.endsWith('、') ? m : ''));
  const after = AMOUNT_UNITS.has(c.unit) ? '' : nounAfter(text, counts, index);
  const phrase = trimPunctuation(raw.trim());
  const de = /的$/.test(phrase);
  const none = { before: '', after, de: false };

  if (RESPECTIVELY.test(phrase)) return { ...none, skip: '“分别……”的数字各对应前文的一项，不单独登记' };
  if (/^占/.test(phrase) || /^占/.test(stripEnds(phrase))) return { ...none, skip: '这是占比，不单独登记（登记各部分的数字后，网站可以算出占比）' };
  if (!after && CHANGE.test(stripEnds(phrase).replace(TRAILING, '') || phrase)) return { ...none, skip: '这是增减幅度，不单独登记（网站会根据各年的数字自动计算增减）' };

  let before = clean(phrase);
  // Examples before 等, or an enumeration before "N个<noun>": the noun after them says what was counted.
  const etc = before.lastIndexOf('等');
  if (etc >= 0 && words(before).some((w) => w.text === '等' && w.start === etc)) {
    const head = before.slice(0, etc);
    // "因本机关不掌握等原因无法提供", "通过…等平台主动公开规章": the word after 等 only names the examples.
    const rest = before.slice(etc + 1).replace(/^(?:原因|情形|情况|方式|形式|渠道|平台|途径|方面)(?=\p{L}{2})/u, '');
    const tailWords = words(rest).filter((w) => !NOT_A_WORD.test(w.text));
    const tail = clean(rest);
    if (tail) before = (tailWords[0]?.pos === 'v' ? '' : governingVerb(head)) + tail;
    else if (after) before = governingVerb(head);
    else before = [...head].length <= MAX_LABEL ? trimPunctuation(head) : governingVerb(head);
  } else if (after && /、/.test(before)) {
    before = governingVerb(before);
  }
  // A count that continues the one before it ("实现300项“网上办”、60项“掌上办”") shares its verb.
  if (!before && follows && depth < 5 && index > 0) {
    const previous = named(text, counts, index - 1, depth + 1);
    if (previous.after) before = previous.before;
  }
  return { before, after, de };
}

/** The label of count `index` of `text`, or why it gets none. */
export function labelForCount(text: string, counts: Count[], index: number): LabelResult {
  const c = counts[index] as Count;
  const n = named(text, counts, index, 0);
  if (n.skip) return { skip: n.skip };
  let label: string;
  if (!n.before) label = n.after;
  else if (n.after && (!EVENT_UNITS.has(c.unit) || letters(n.before) <= 2)) label = n.before + (n.de ? '的' : '') + n.after;
  else label = n.before;
  label = label.replace(/\s+/g, '');
  // A bare noun ("共38个项目") takes a short clause before it ("开工一批，共38个项目" → 开工一批项目).
  if (letters(label) <= 2 && label) {
    const start = clauseStart(text, c.start);
    const prevCount = counts[index - 1];
    const clauseBefore = start > 0 ? text.slice(clauseStart(text, start - 1), start - 1) : '';
    const lead = clean(trimPunctuation(clauseBefore));
    if (!(prevCount && prevCount.unitEnd > start - clauseBefore.length - 1) && letters(lead) >= 2 && [...lead].length <= 6 && !/\d/.test(lead) && /[，,：:]/.test(text[start - 1] ?? '')) label = lead + label;
  }
  if ([...label].length > MAX_LABEL) label = MEETING_ABOUT.exec(label)?.[1] ?? label;
  label = fitBack(trimPunctuation(label), MAX_LABEL);
  if (letters(label) < 2) return { skip: '数字前后找不到说明它的文字' };
  return { label };
}
