// Issue 28 case 5: what the parser (Sätteri) cannot read in linear time is refused by check before it is
// parsed, in Chinese with the line and the fix; everything else a report within the size limit can hold
// is checked in time linear in its size. No wall-clock budgets: growth from n to 4n (test/helpers/linear.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBody } from '../../src/lib/check/check.ts';
import { makeRegistry } from '../../src/lib/content/metrics.ts';
import { MAX_REPORT_BYTES } from '../../src/lib/content/content-files.ts';
import { MAX_LINE_MARKS, MAX_PARAGRAPH_REFERENCES, MAX_UNCLOSED, parseCost } from '../../src/markdown/parse-cost.ts';
import { reportProcessor, singleInputs, type PipelineInputs } from '../../src/markdown/pipeline.ts';
import { expectLinear } from '../helpers/linear.ts';
import { ROOT } from '../helpers/sites.ts';

const registry = makeRegistry([{ id: 'meetings', label: '会议', unit: '次', group: '会议', better: 'neutral', public: true }] as never);
// Six lines of frontmatter before the body, as in a real file: problems name the file's line.
const check = (body: string) => checkBody({ file: 'reports/2022.mdx', raw: { stats: { meetings: 3 } }, body, bodyLineOffset: 6 }, registry);
const errors = (body: string) => check(body).filter((p) => p.severity === 'error');
const intro = '## 一、履行主体责任情况\n\n一是加强组织领导。\n\n';

describe('refused before parsing, with the file line and the fix', () => {
  it.each([
    ['1.5 MB of \\* on one line (the parser took minutes)', '\\*'.repeat(750_000)],
    ['* between characters', '*甲'.repeat(100_000)],
    ['_ between characters', '_甲'.repeat(100_000)],
    ['a long run of [', '['.repeat(200_000)],
    ['a long run of \\\\', '\\\\'.repeat(100_000)],
    ['thousands of <Stat> on one line', '<Stat id="meetings" />'.repeat(5_000)],
    ['escapes spread through a long line of text', `${'文'.repeat(50)}\\*`.repeat(20_000)],
  ])('%s', (_name, run) => {
    const ps = errors(`${intro}二是${run}。\n`);
    expect(ps).toHaveLength(1);
    expect(ps[0]).toMatchObject({ file: 'reports/2022.mdx', line: 11, message: expect.stringMatching(/^这一行有 \d+ 个半角符号.*超过了每行 500 个的上限.*所以没有解析$/), hint: expect.stringContaining('分成几段') });
  });

  const UNCLOSED = /^正文中有 20000 处无法配对的 < 或 {（第一处在这一行）.*所以没有解析$/;
  // An open tag also opens a level: thousands of them are refused as nesting first (src/lib/content/nesting.ts), unparsed too.
  const NESTED = /^正文嵌套过深/;
  it.each([
    ['20 000 unclosed <a', '<a', UNCLOSED],
    ['20 000 < before Chinese text', '<文', UNCLOSED],
    ['20 000 {', '{', UNCLOSED],
    ['20 000 <1a', '<1a', UNCLOSED],
    ['20 000 unclosed <b> and as many stray </i>', '<b>甲</i>', UNCLOSED],
    ['20 000 unclosed <Redact>', '<Redact>', NESTED],
    ['20 000 <Stat> without />', '<Stat id="meetings">', NESTED],
  ])('%s in separate paragraphs (each a pass over the rest of the report)', (_name, unit, message) => {
    const body = `${intro}${Array.from({ length: 20_000 }, (_, i) => `${i}是${unit}加强。`).join('\n\n')}\n`;
    const ps = errors(body);
    expect(ps).toHaveLength(1);
    expect(ps[0]?.message).toMatch(message);
    if (message === UNCLOSED) expect(ps[0]).toMatchObject({ line: 11, hint: expect.stringContaining('\\<') });
  });

  it(`character references: ${MAX_PARAGRAPH_REFERENCES} in a paragraph pass, one more is refused at its line; blank lines start a new count`, () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `第${i}行&amp;文字`).join('\n');
    expect(errors(`${intro}${lines(MAX_PARAGRAPH_REFERENCES)}\n`)).toEqual([]);
    expect(errors(`${intro}${lines(MAX_PARAGRAPH_REFERENCES + 1)}\n`)).toEqual([expect.objectContaining({ line: 10 + MAX_PARAGRAPH_REFERENCES + 1, message: expect.stringContaining('字符引用') })]);
    expect(errors(`${intro}${Array.from({ length: 500 }, (_, i) => `第${i}段&#x4E00;&amp;&lt;文字`).join('\n\n')}\n`)).toEqual([]);
    // 400 of them in one 2 MB paragraph took 5 s and 1.8 GB.
    const big = `${intro}${Array.from({ length: 400 }, () => `${'文'.repeat(1700)}&amp;`).join('\n')}\n`;
    expect(errors(big)).toEqual([expect.objectContaining({ message: expect.stringContaining('字符引用') })]);
  });

  it('the limits sit where they say: the parser\'s own message below them, the refusal above', () => {
    const marks = (n: number) => `${intro}二是${'\\*'.repeat(n / 2)}。\n`;
    expect(errors(marks(MAX_LINE_MARKS))).toEqual([]);
    expect(errors(marks(MAX_LINE_MARKS + 2))[0]?.message).toContain(`有 ${MAX_LINE_MARKS + 2} 个半角符号`);
    const unclosed = (n: number) => `${intro}${Array.from({ length: n }, () => '三是<Redact>加强。').join('\n\n')}\n`;
    expect(errors(unclosed(MAX_UNCLOSED))[0]?.message).toContain('<Redact> 要有对应的 </Redact>');
    expect(errors(unclosed(MAX_UNCLOSED + 1))[0]?.message).toContain(`正文中有 ${MAX_UNCLOSED + 1} 处无法配对`);
  });

  it('closed HTML tags and expressions (errors check lists one by one, not a cost) are not refused unparsed', () => {
    const body = readFileSync(join(ROOT, 'test/fixtures/hostile-unchecked/reports/2022.mdx'), 'utf8').replace(/^---[\s\S]*?\n---\n/, '');
    expect(parseCost(body)).toBeUndefined();
    expect(errors(body).length).toBeGreaterThan(5);
    expect(errors(body).map((p) => p.message)).not.toContainEqual(expect.stringContaining('所以没有解析'));
  });

  it('escaped \\< and \\{, closed tags and <Stat … /> are not counted as unclosed', () => {
    const body = `${intro}${Array.from({ length: 2_000 }, (_, i) => `${i}是\\<甲\\{乙\\}<Stat id="meetings" /><Redact>丙</Redact><Redact>\n丁\n</Redact>。`).join('\n\n')}\n`;
    expect(errors(body)).toEqual([]);
  });

  it('the build refuses it too, before Sätteri parses (a report changed after check, or never checked)', async () => {
    const inputs = { edition: 'public', registry, sectionWords: undefined } as unknown as PipelineInputs;
    const renderer = (await reportProcessor(singleInputs(inputs)).createMdxRenderer!({ syntaxHighlight: false } as never, { optimize: false, srcDir: new URL('file:///tmp/'), sourcemap: false } as never)) as unknown as {
      process(content: string, file: string, frontmatter: Record<string, unknown>): Promise<unknown>;
    };
    await expect(renderer.process(`${intro}二是${'\\*'.repeat(750_000)}。\n`, '/tmp/reports/2022.mdx', { year: 2022, stats: {} })).rejects.toThrow(/^5:1: 这一行有 1500000 个半角符号/);
  });
});

describe('what reports hold is never refused', () => {
  it('every report of the fixtures and examples', () => {
    const files = ['test/fixtures', 'examples', 'content'].flatMap((d) => readdirSync(join(ROOT, d), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mdx')).map((f) => join(ROOT, d, f)));
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) expect(parseCost(readFileSync(f, 'utf8')), f).toBeUndefined();
  });

  it('long runs of whitespace, long plain lines, a table row of <Stat>s', () => {
    expect(errors(`${intro}二是${' '.repeat(100_000)}。\n\n三是${'\u3000'.repeat(68_000)}。\n`)).toEqual([]);
    expect(parseCost(`一是${'文'.repeat(600_000)}。`)).toBeUndefined();
    expect(parseCost(`| ${Array.from({ length: 40 }, () => '<Stat id="review-corrected" />').join(' | ')} |`)).toBeUndefined();
  });
});

describe('check is linear in the size of what it accepts', () => {
  // Each at most a few MB at 4n; the refused shapes above are measured by parseCost's own growth.
  const cases: [string, (n: number) => string][] = [
    ['a paragraph with a run of spaces', (n) => `${intro}二是${' '.repeat(n * 40)}。\n`],
    ['a paragraph with a run of full-width spaces', (n) => `${intro}二是${'\u3000'.repeat(n * 20)}。\n`],
    ['lines of escapes up to the limit, in one paragraph', (n) => `${intro}二是${Array.from({ length: n / 10 }, () => `文${'\\*'.repeat(240)}`).join('\n')}。\n`],
    ['many paragraphs with <Stat> and <Redact>', (n) => `${intro}${Array.from({ length: n / 4 }, (_, i) => `${i}是召开<Stat id="meetings" />次会议，<Redact>某某</Redact>。`).join('\n\n')}\n`],
    ['a character reference in every paragraph', (n) => `${intro}${Array.from({ length: n / 4 }, (_, i) => `${i}是&amp;加强。`).join('\n\n')}\n`],
  ];
  for (const [name, make] of cases) it(name, () => expectLinear(make, (body) => check(body), 2_000, name));

  it('parseCost itself, on what it refuses', () => {
    for (const [name, unit] of [['\\*', '\\*'], ['<Stat without an end', '<Stat id="a" '], ['& without ;', `&${'a'.repeat(40)}`], ['<Redact and text', `<Redact ${'a'.repeat(300)}`], ['{', '{'], ['open tags', '<b>'], ['closing tags that close nothing', '</b>'], ['open and close', '<b><i></b>']]) {
      expectLinear((n) => `${unit}\n`.repeat(n), (text) => parseCost(text), 2_000, name);
    }
  });

  it(`a report at the size limit (${MAX_REPORT_BYTES / 1024 / 1024} MB) of the refused kinds is refused in one pass`, () => {
    const lines = Math.floor(MAX_REPORT_BYTES / 401) - 1;
    const text = `${'\\*'.repeat(200)}\n`.repeat(lines);
    expect(parseCost(text)).toBeUndefined();
    expect(parseCost(`${text}一是${'\\*'.repeat(300)}`)).toMatchObject({ line: lines + 1 });
  });
});
