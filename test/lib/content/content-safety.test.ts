// The link and image policy of a report body, and the places where <Redact> does not work: what check refuses.
import { describe, expect, it } from 'vitest';
import { contentSafetyProblems, linkVerdict, redactLiteral } from '../../../src/lib/content/content-safety.ts';
import { parseBody } from '../../../src/lib/content/report-body.ts';
import { checkBody } from '../../../src/lib/check/check.ts';
import { makeRegistry, metricSchema } from '../../../src/lib/content/metrics.ts';

const registry = makeRegistry([metricSchema.parse({ id: 'meetings', label: '会议', unit: '次' })]);

/** check's problems for a body, as `第 N 行：message`. */
function problems(body: string): { line?: number; message: string; hint?: string }[] {
  return checkBody({ file: 'reports/2022.mdx', raw: { stats: { meetings: 3 } }, body, bodyLineOffset: 6 }, registry).map((p) => ({ line: p.line, message: p.message, hint: p.hint }));
}

describe('linkVerdict', () => {
  it.each([
    'https://www.gov.cn/zhengce/',
    'http://www.example.gov.cn/xxgk/2022年报.html',
    'HTTPS://WWW.GOV.CN/',
    'mailto:xxgk@example.gov.cn',
    'tel:010-12345678',
    '/2021/',
    '/2021/#s1-4',
    '../2021/',
    '#s2',
    '?q=四风',
    'measures/',
  ])('allows %s', (url) => expect(linkVerdict(url)).toEqual({ ok: true }));

  it.each([
    ['javascript:alert(1)', 'javascript:'],
    ['JavaScript:alert(1)', 'javascript:'],
    ['JAVASCRIPT:alert(1)', 'javascript:'],
    ['vbscript:msgbox(1)', 'vbscript:'],
    ['data:text/html,<script>alert(1)</script>', 'data:'],
    ['file:///etc/passwd', 'file:'],
    ['ftp://example.com/', 'ftp:'],
    ['java\tscript:alert(1)', '空格、制表符'],
    ['java\nscript:alert(1)', '空格、制表符'],
    [' javascript:alert(1)', '空格、制表符'],
    ['\u0001javascript:alert(1)', '控制字符'],
    ['\u200bjavascript:alert(1)', '看不见'],
    ['//evil.example/x', '// 开头'],
    ['/\\evil.example', '反斜杠'],
    ['\\\\evil.example\\share', '反斜杠'],
    ['https:evil.example', '缺少 //'],
    ['https://example.com/<Redact>王某某</Redact>', '<Redact>'],
  ])('refuses %j (%s)', (url, why) => {
    const v = linkVerdict(url);
    expect(v.ok).toBe(false);
    if (!v.ok) {
      expect(v.reason).toContain(why);
      expect(v.hint).toMatch(/https:\/\/|删除|改成/);
    }
  });
});

describe('check: links, images and literal <Redact>', () => {
  it('refuses a javascript: link with the file line, the URL and what to write instead', () => {
    const [p, ...rest] = problems('一是[点我](javascript:window.__pwned=1)。');
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ line: 7 });
    expect(p?.message).toContain('javascript:window.__pwned=1');
    expect(p?.message).toContain('运行脚本');
    expect(p?.hint).toContain('http://、https://、mailto:、tel: 或站内路径');
  });

  it('sees through character references, which MDX decodes before anyone looks (&#106;avascript:)', () => {
    const [p] = problems('一是[点我](&#106;avascript:alert(1))和[再点](&#x6A;avascript&colon;alert(1))。');
    expect(p?.message).toContain('javascript:alert(1)');
    expect(problems('一是[点我](&#106;avascript:alert(1))和[再点](&#x6A;avascript&colon;alert(1))。')).toHaveLength(2);
  });

  it('refuses whitespace hidden in the scheme (a tab inside <…>), shown visibly in the message', () => {
    const [p] = problems('一是[点我](<java\tscript:alert(1)>)。');
    expect(p?.message).toContain('java\\u0009script:alert(1)');
  });

  it('checks reference links at their definition, and every disguise of a scheme', () => {
    const body = ['一是[点我][1]和[再点][x]。', '', '[1]: javascript:alert(1)', '[x]: <vbscript:msgbox(1)>'].join('\n');
    const ps = problems(body);
    expect(ps.map((p) => p.line)).toEqual([9, 10]);
    expect(ps[0]?.message).toContain('javascript:');
    expect(ps[1]?.message).toContain('vbscript:');
  });

  it('refuses data:, file: and protocol-relative links', () => {
    const ps = problems('一是[甲](data:text/html;base64,PHNjcmlwdD4=)、[乙](file:///C:/secret.txt)、[丙](//evil.example/a)。');
    expect(ps.map((p) => p.message.split('：')[0])).toEqual([
      expect.stringContaining('data:'),
      expect.stringContaining('file:'),
      expect.stringContaining('// 开头'),
    ]);
  });

  it('accepts the links real reports have: the portal, another year, mail, phone', () => {
    expect(problems('详见[区政府门户网站](http://www.example.gov.cn/xxgk/)；上年情况见[2021年报告](/2021/#s1)；咨询[邮箱](mailto:a@example.gov.cn)或[电话](tel:0571-12345678)。')).toEqual([]);
  });

  it('refuses every image: a remote one makes a request leaving the site, a javascript: one, a local one', () => {
    const ps = problems(['一是![图](https://evil.example/a.png)。', '', '二是![图](javascript:alert(1))。', '', '三是![图](/chart.png)和![图][i]。', '', '[i]: /i.png'].join('\n'));
    expect(ps.map((p) => p.line)).toEqual([7, 9, 11, 11]);
    expect(ps[0]?.message).toContain('站外');
    expect(ps[0]?.message).toContain('https://evil.example/a.png');
    expect(ps[1]?.message).toContain('javascript:');
    expect(ps.every((p) => p.message.startsWith('报告正文不能插入图片'))).toBe(true);
    expect(ps[0]?.hint).toContain('<Redact> 在其中不起作用');
  });

  it('refuses <Redact> where it would be published as written: link title, link URL, inline code, code block', () => {
    const body = [
      '一是[文字](https://example.com/ "标题<Redact>王某某</Redact>")。',
      '',
      '二是[文字](https://example.com/<Redact>王某某</Redact>)。',
      '',
      '三是`<Redact>王某某</Redact>`。',
      '',
      '```',
      '<Redact>王某某</Redact>',
      '```',
    ].join('\n');
    const ps = problems(body);
    expect(ps.map((p) => p.line)).toEqual([7, 9, 11, 13]);
    expect(ps[0]?.message).toContain('悬停标题');
    expect(ps[1]?.message).toContain('链接地址中的 <Redact>');
    expect(ps[2]?.message).toContain('反引号');
    expect(ps[3]?.message).toContain('反引号');
  });

  it('<Redact> in a heading, a table cell and link text works, so it is not refused', () => {
    expect(problems('## 一、<Redact>王某某</Redact>情况\n\n| 项目 | 名称 |\n| --- | --- |\n| 案件 | <Redact>李某某</Redact> |\n\n一是[<Redact>张某某</Redact>](/2021/)。')).toEqual([]);
  });

  it('refuses attributes on <Redact> (an event handler would be one)', () => {
    expect(problems('一是<Redact onmouseover="alert(1)">王某某</Redact>。')[0]?.message).toBe('<Redact> 不接受属性');
  });

  it('lists every problem in a body at once, in order', () => {
    const tree = parseBody('[a](javascript:1)\n\n![b](x.png)\n\n`<Redact>c</Redact>`\n');
    expect(tree.ok).toBe(true);
    if (tree.ok) expect(contentSafetyProblems(tree.tree, { file: 'f', lineOffset: 0 }).map((p) => p.line)).toEqual([1, 3, 5]);
  });
});

describe('redactLiteral', () => {
  it('replaces each span, and an unclosed one to the end', () => {
    expect(redactLiteral('甲<Redact>王某某</Redact>乙<redact x="1">李某某</REDACT>丙', '■')).toBe('甲■乙■丙');
    expect(redactLiteral('甲<Redact>王某某', '■')).toBe('甲■');
    expect(redactLiteral('没有', '■')).toBe('没有');
  });
});

describe('a <Redact> escaped into plain text', () => {
  it.each([
    ['查处\\<Redact>王某某受贿案\\</Redact>等案件。'],
    ['查处&lt;Redact>王某某受贿案&lt;/Redact>等案件。'],
    ['查处＜Redact＞王某某受贿案＜/Redact＞等案件。'],
    ['| 项目 | 说明 |\n| --- | --- |\n| 案件 | \\<Redact>王某某\\</Redact> |'],
    ['## 二、\\<redact>王某某\\</redact>问题'],
  ])('%s: refused, because it hides nothing', (body) => {
    const found = problems(body);
    expect(found.some((p) => p.message.includes('正文文字中有字面的 <Redact>') && p.line === 7 + (body.startsWith('|') ? 2 : 0))).toBe(true);
  });

  it('a working <Redact>, and words that only look like it, are not', () => {
    expect(problems('查处<Redact>王某某受贿案</Redact>等案件，Redaction 与 redacted 照常。').filter((p) => p.message.includes('字面'))).toEqual([]);
  });
});
