// 文字与表格数字不一致 (src/lib/kinds/gov-info-text.ts): every way offices state a table total in the prose warns
// when the number differs; every near miss — another scope, a sub-count, a masked or approximate number, another
// period, the organ's own review work — is silent, and so are the real reports, which are consistent.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registrySchema, type MetricInput } from '../../../src/lib/content/metrics.ts';
import type { StatValue } from '../../../src/lib/content/stat.ts';
import { govInfoDisclosure } from '../../../src/lib/kinds/gov-info-disclosure.ts';
import { statedFigures, textTableProblems, TEXT_TABLE_TERM } from '../../../src/lib/kinds/gov-info-text.ts';
import { checkContent } from '../../../src/lib/check/check.ts';
import { readDocx } from '../../../src/lib/import/source.ts';
import { importSource } from '../../../src/lib/import/index.ts';
import { ROOT } from '../../helpers/sites.ts';
import { loadReal, TABLE_MARK } from '../../helpers/real-fixtures.ts';
import { realDocx } from '../../helpers/real-docx.ts';

const registry = registrySchema.parse([...govInfoDisclosure.metrics, ...govInfoDisclosure.rules]);
const n = (value: number): StatValue => ({ kind: 'exact', value });

/** A consistent table: 80 new + 5 carried over = 82 concluded + 3 carried forward; 复议 2; 诉讼 5 direct + 2 after review. */
const TABLE: Record<string, StatValue> = {
  'requests-new-total': n(80),
  'requests-carried-over-total': n(5),
  'requests-results-total-total': n(82),
  'requests-carried-forward-total': n(3),
  'review-total': n(2),
  'litigation-direct-total': n(5),
  'litigation-after-review-total': n(2),
};

const HEAD = '## 一、总体情况\n\n（二）依申请公开情况。\n\n';

function check(prose: string, stats: Record<string, StatValue> = TABLE, reg = registry, year = 2023) {
  return textTableProblems({ file: 'reports/2023.mdx', year, body: HEAD + prose + '\n', bodyLineOffset: 10, data: { stats } }, reg);
}

describe('statements that name a table figure and say another number warn', () => {
  it.each([
    ['收到 (neither 本年新收 nor 本年新收 + 上年结转)', '2023年，本机关共收到政府信息公开申请90件，均在法定期限内答复。', 'requests-new-total'],
    ['受理', '全年共受理政府信息公开申请79件。', 'requests-new-total'],
    ['接收 … 共计, with the channels named as all of them', '2023年全区接收通过邮寄、网络提交的各类政府信息公开申请共计88件。', 'requests-new-total'],
    ['本年新收 is the row itself: 新收 + 结转 is no excuse', '本年新收政府信息公开申请85件。', 'requests-new-total'],
    ['上年结转', '本年新收政府信息公开申请80件，上年结转政府信息公开申请4件。', 'requests-carried-over-total'],
    ['上年度结转 in a bracket', '答复政府信息公开申请82件（含上年度结转申请6件）。', 'requests-carried-over-total'],
    ['结转下年度继续办理', '结转下年度继续办理2件。', 'requests-carried-forward-total'],
    ['the number before the words (顺延到下年度)', '另有4件申请按照《条例》顺延到下年度答复。', 'requests-carried-forward-total'],
    ['办结', '办结依申请公开80件，其中予以公开40件。', 'requests-results-total-total'],
    ['答复', '答复政府信息公开申请83件。', 'requests-results-total-total'],
    ['被申请行政复议', '本年度因政府信息公开工作被申请行政复议3件。', 'review-total'],
    ['行政复议案件 in a list', '2023年，全区政府信息公开工作方面共有行政诉讼案件7件、行政复议案件1件，均已结案。', 'review-total'],
    ['行政诉讼 is 直接起诉 + 复议后起诉', '因政府信息公开引起的行政复议案件2件、行政诉讼案件5件。', 'litigation-direct-total'],
    ['被提起行政诉讼', '本年度因政府信息公开工作被提起行政诉讼8件。', 'litigation-direct-total'],
    ['诉讼 alone, after a 信息公开 行政复议', '信息公开类行政复议2件，诉讼9件，均获维持。', 'litigation-direct-total'],
    ['复议后起诉', '因政府信息公开工作复议后被提起行政诉讼3件。', 'litigation-after-review-total'],
    ['未经复议直接起诉', '因政府信息公开工作未经复议直接起诉4件。', 'litigation-direct-total'],
    ['案件 counted in 起', '因政府信息公开被申请行政复议4起。', 'review-total'],
    ['an office whose name says 信访 (荣成市信访局, 2025)', '2023年，某某市信访局共受理政府信息公开申请4件。', 'requests-new-total'],
    ['与去年相同 after the figure', '2023年，某某市信访局因政府信息公开工作被申请行政复议0件，与去年相同。', 'review-total'],
  ])('%s', (_, prose, id) => {
    const problems = check(prose);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'warning', file: 'reports/2023.mdx', field: `stats.${id}`, line: 10 + 5 });
    expect(problems[0]!.message).toContain(TEXT_TABLE_TERM);
  });

  it('under the 行政复议、行政诉讼 heading the section says what is counted', () => {
    const body = '## 四、政府信息公开行政复议、行政诉讼情况\n\n本年度被申请行政复议3件，被提起行政诉讼7件。\n';
    const problems = textTableProblems({ file: 'reports/2023.mdx', year: 2023, body, bodyLineOffset: 4, data: { stats: TABLE } }, registry);
    expect(problems.map((p) => [p.field, p.line])).toEqual([['stats.review-total', 7]]);
  });

  it('the message names the year, the sentence, the number, the table, the cell and its id; the hint says how to mend it', () => {
    const [p] = check('2023年，本机关共收到政府信息公开申请90件，均在法定期限内答复。');
    expect(p!.message).toBe(
      '2023年 文字与表格数字不一致：正文“2023年，本机关共收到政府信息公开申请90件，均在法定期限内答复”写 90 件，表格 收到和处理政府信息公开申请情况 总计列 一、本年新收政府信息公开申请数量（requests-new-total）为 80（本年新收政府信息公开申请加上年结转政府信息公开申请 85，也都不是 90）',
    );
    expect(p!.hint).toContain('<Stat id="requests-new-total" />');
    const [lit] = check('本年度因政府信息公开工作被提起行政诉讼8件。');
    expect(lit!.message).toContain('表格 政府信息公开行政复议、行政诉讼情况 行政诉讼 未经复议直接起诉 总计（litigation-direct-total） 加 行政诉讼 复议后起诉 总计（litigation-after-review-total）为 7');
  });

  it('a figure the public edition hides is not printed in the message', () => {
    const metrics = (govInfoDisclosure.metrics as MetricInput[]).map((m) => (m.id === 'review-total' ? { ...m, public: false } : m));
    const hidden = registrySchema.parse([...metrics, ...govInfoDisclosure.rules]);
    const [p] = check('本年度因政府信息公开工作被申请行政复议3件。', TABLE, hidden);
    expect(p!.message).toContain('写 3 件');
    expect(p!.message).not.toMatch(/为 2|（review-total）为/);
  });
});

describe('near misses are silent', () => {
  it.each([
    ['收到 = 本年新收 + 上年结转 (平潭 2022: 收到75件 for 74 + 1)', '2023年，全区收到政府信息公开申请85件，均在法定期限内予以答复。'],
    ['收到 = 本年新收', '全年共收到政府信息公开申请80件。'],
    ['含上年结转 said in the sentence', '本年新收政府信息公开申请85件（含上年结转5件）。'],
    ['a bare 申请, which may count something else', '全年共收到申请90件。'],
    ['信访, not 依申请公开', '全年共受理群众信访举报90件。'],
    ['信访举报投诉类申请', '收到信访举报投诉类政府信息公开申请9件。'],
    ['咨询', '受理政府信息公开咨询90件。'],
    ['a masked number', '全年共收到政府信息公开申请**件。'],
    ['余', '全年共收到政府信息公开申请90余件。'],
    ['多', '全年共收到政府信息公开申请90多件。'],
    ['约', '全年共收到政府信息公开申请约90件。'],
    ['近', '全年共收到政府信息公开申请近90件。'],
    ['超过', '全年共收到政府信息公开申请超过90件。'],
    ['左右', '全年共收到政府信息公开申请90件左右。'],
    ['an applicant type after the total', '全年共收到政府信息公开申请80件，其中自然人申请70件、商业企业申请10件。'],
    ['an applicant type named in the clause', '收到自然人政府信息公开申请70件。'],
    ['其中 a channel', '全年共收到政府信息公开申请80件，其中通过网络提交政府信息公开申请30件。'],
    ['a channel alone', '通过信函收到政府信息公开申请30件。'],
    ['an outcome', '予以公开政府信息公开申请40件。'],
    ['part of the year', '2023年上半年收到政府信息公开申请40件。'],
    ['months', '2023年1至6月，收到政府信息公开申请40件。'],
    ['another year', '2022年收到政府信息公开申请60件，2023年收到政府信息公开申请80件。'],
    ['cumulative', '条例施行以来累计收到政府信息公开申请500件。'],
    ['a comparison', '收到政府信息公开申请较上年增加10件。'],
    ['several offices', '全市各级行政机关共收到政府信息公开申请900件。'],
    ['the organ’s own review work', '政府信息公开工作扎实推进，全年办理行政复议案件50件。'],
    ['行政复议 not about 信息公开', '全年行政复议3件。'],
    ['行政复议 and 行政诉讼 together', '因政府信息公开工作被申请行政复议、提起行政诉讼共9件。'],
    ['an outcome of 行政复议', '政府信息公开行政复议结果维持1件，被纠错1件。'],
    ['行政诉讼 without the after-review figure', '本年度因政府信息公开工作被提起行政诉讼8件。'],
    ['a <Stat>', '全年共收到政府信息公开申请<Stat id="requests-new-total" />件。'],
    ['hidden text', '全年共<Redact>收到政府信息公开申请90件</Redact>。'],
    ['a number in words', '因政府信息公开工作被申请行政复议两件。'],
  ])('%s', (name, prose) => {
    const stats = name.startsWith('行政诉讼 without') ? { ...TABLE, 'litigation-after-review-total': { kind: 'missing' } as StatValue } : TABLE;
    expect(check(prose, stats)).toEqual([]);
  });

  it('a table row is not prose', () => {
    expect(check('| 一、本年新收政府信息公开申请数量 | > | > | 90 |')).toEqual([]);
  });

  it('a figure the table leaves out, masks or bounds is not compared', () => {
    for (const v of [{ kind: 'missing' }, { kind: 'masked', digits: 2 }, { kind: 'atLeast', value: 80 }] as StatValue[]) {
      expect(check('全年共收到政府信息公开申请90件。', { ...TABLE, 'requests-new-total': v })).toEqual([]);
    }
    // A registry without the figure (another layout's): not compared.
    const without = registrySchema.parse([...govInfoDisclosure.metrics.filter((m) => m.id !== 'review-total'), ...govInfoDisclosure.rules.filter((r) => !JSON.stringify(r).includes('"review-total"'))]);
    expect(check('因政府信息公开工作被申请行政复议3件。', TABLE, without)).toEqual([]);
  });

  it('a report read without its body (another caller of the kind checks) gives nothing', () => {
    expect(textTableProblems({ file: 'reports/2023.mdx', year: 2023, data: { stats: TABLE } }, registry)).toEqual([]);
  });
});

/** A real report imported in-process, as `npm run import` would write it. */
async function imported(slug: string) {
  return importSource(await readDocx(await realDocx(loadReal(slug))), { registry, fileName: slug });
}

describe('real reports are silent', () => {
  it.each(['gov-2022-pingtan', 'gov-2023-pingtan', 'gov-2019-pingtan', 'gov-2019-shanghai-bgt'])('%s as imported, and with every figure of its prose written out', async (slug) => {
    const r = await imported(slug);
    expect(textTableProblems({ file: 'reports/x.mdx', year: r.year, body: r.body, data: { stats: r.stats } }, registry)).toEqual([]);
    // The text as the office wrote it: every number literal (no <Stat>), against the same table.
    const raw = loadReal(slug).lines.filter((l) => !TABLE_MARK.test(l)).join('\n\n');
    expect(textTableProblems({ file: 'reports/x.mdx', year: r.year, body: raw, data: { stats: r.stats } }, registry)).toEqual([]);
  });

  it('reads what they state: 平潭 2022 收到75件 is 74 new + 1 carried over; 平潭 2023 接收81件, 办结81件, 复议2件, 诉讼7件', async () => {
    const p22 = loadReal('gov-2022-pingtan').lines.join('\n\n');
    expect(statedFigures(p22, 2022).map((f) => [f.value, f.readings[0]!.join('+')])).toEqual([
      [75, 'new'],
      [1, 'litigation'],
      [2, 'review'],
    ]);
    const p23 = loadReal('gov-2023-pingtan').lines.join('\n\n');
    expect(statedFigures(p23, 2023).map((f) => [f.value, f.readings[0]!.join('+')])).toEqual([
      [81, 'new'],
      [81, 'results'],
      [2, 'review'],
      [7, 'litigation'],
    ]);
  });

  it('a slip in a real report is found: 平潭 2023 with 接收…88件', async () => {
    const r = await imported('gov-2023-pingtan');
    const body = r.body.replace('申请共计81件', '申请共计88件');
    const problems = textTableProblems({ file: 'reports/2023.mdx', year: 2023, body, bodyLineOffset: 3, data: { stats: r.stats } }, registry);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.field).toBe('stats.requests-new-total');
    expect(problems[0]!.line).toBe(body.split('\n').findIndex((l) => l.includes('共计88件')) + 1 + 3);
  }, 30_000);
});

describe('npm run check on the example folder', () => {
  it('is silent on the examples, and names the file, line and cell of a sentence made wrong', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-text-table-'));
    cpSync(join(ROOT, 'examples/gov-info-disclosure'), dir, { recursive: true });
    expect(checkContent(dir).problems.filter((p) => p.message.includes(TEXT_TABLE_TERM))).toEqual([]);
    const file = join(dir, 'reports/2023.mdx');
    const lines = readFileSync(file, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.includes('上年结转<Stat id="requests-carried-over-total" />件'));
    expect(at).toBeGreaterThan(0);
    lines[at] = lines[at]!.replace('上年结转<Stat id="requests-carried-over-total" />件', '上年结转99件');
    writeFileSync(file, lines.join('\n'));
    const found = checkContent(dir).problems.filter((p) => p.message.includes(TEXT_TABLE_TERM));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', file: 'reports/2023.mdx', line: at + 1, field: 'stats.requests-carried-over-total' });
    expect(found[0]!.message).toContain('写 99 件');
  });
});
