// `npm run check` on any input: thousands of generated reports (seeded, so a failure replays), from
// near-valid MDX to garbage. check must return its problems and never throw, and every problem must be
// a Chinese line for the author, never a stack trace.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/lib/check/check.ts';
import type { ContentReader } from '../../../src/lib/content/content-files.ts';
import type { Problem } from '../../../src/lib/content/problems.ts';
import { prng } from '../../../bench/corpus.ts';


const DIR = '/fuzz';
const SITE = 'title: 测试站点\norganization: 测试单位\ndescription: 模糊测试\n';
const METRICS = '- id: meetings\n  label: 会议\n  unit: 次\n  public: true\n- id: cases\n  label: 案件\n  unit: 件\n- id: total\n  label: 合计\n  unit: 件\n  sumOf: [meetings, cases]\n';

/** Pieces of report syntax, broken syntax and hostile text the generator strings together. */
const PIECES = [
  '一是', '二是', '（一）', '1.', '（1）', '。', '，', '；', '：', '原因', '措施', '问题', '情况',
  '\n', '\n\n', '\n\n## ', '\n\n### ', '\n# ', '\n- ', '\n  - ', '\n1. ', '\n> ', '>', '- ', '* ', '+ ',
  '<Stat id="meetings" />', '<Stat id="cases"/>', '<Stat id="nope" />', '<Stat id=meetings />', '<Stat />', '<Stat id="meetings">x</Stat>',
  '<Redact>', '</Redact>', '<Redact>王某某</Redact>', '<Redact/>', '<redact>', '<Foo>', '</Foo>', '<>', '</>', '<img src=x onerror=alert(1) />',
  '<a href="javascript:alert(1)">', '</a>', '<script>', '</script>', '<span onclick={alert}>', '{', '}', '{1+1}', '{/* */}', '{...x}',
  'import x from "y"', 'export const a = 1', '\nimport fs from "node:fs"\n', '\nexport default {}\n',
  '*', '**', '***', '_', '__', '`', '``', '```', '\n```js\n', '~~', '\\', '\\<', '\\*', '\\{', '&', '&#106;', '&#x0;', '&#99999999;', '&amp;', '&colon;',
  '[', ']', '(', ')', '[链接](https://example.com/)', '[点我](javascript:alert(1))', '[x][1]', '\n[1]: javascript:alert(1)\n', '![图](https://evil.example/a.png)',
  '![', '](', '<https://example.com>', 'https://example.com/\\<img src=x>', 'www.example.com', 'mailto:a@b.c',
  '| 项目 | 次数 |\n| --- | --- |\n| a | <Stat id="meetings" /> |\n', '|', '| --- |', '^', '\\^', '\\>',
  '---', '\n---\n', '***\n', '<!-- 注释 -->', '<!--', '-->', '\t', '\r', '\r\n', '\u0000', '\u0007', '\u200b', '\ufeff', '\u2028', '\ud800', '\udc00', '😀', '𠀀',
  '\u3000\u3000', '    ', '        缩进', '测', '试', '报告', 'a', 'Z', '0', '2022', '年',
];

const STATS_LINES = ['  meetings: 3', '  cases: 4817', '  meetings: "**"', '  cases: "30+"', '  cases: "*"', '  meetings: null', '  meetings: abc', '  cases: -1', '  nope: 1', '  meetings: **', '  cases: [1, 2]', '  meetings: {a: 1}', '  cases: 1e400', '  meetings: .5', '  total: 4', '  total: "**"'];
const FRONT_PIECES = ['year: 2022', 'year: "2022"', 'year: 1800', 'year: 2023', 'title: 标题', 'title: ""', 'title: <Redact>秘</Redact>', 'title: [1, 2]', 'published: 2023-01-16', 'published: 2023-13-45', 'sections: { 二: problems }', 'sections: { 一: nope }', 'stats:', 'stats: 3', 'extra: 1', 'year：2022', '\ttitle: x', '  - x', ': :', '&a *a', '!!binary x', '"unclosed', "'", '{', '[', '---'];

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)] as T;
}

function randomChars(rnd: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) {
    const r = rnd();
    s += String.fromCharCode(r < 0.5 ? 0x20 + Math.floor(rnd() * 95) : r < 0.8 ? 0x4e00 + Math.floor(rnd() * 0x5000) : Math.floor(rnd() * 0x10000));
  }
  return s;
}

function randomBody(rnd: () => number): string {
  const parts: string[] = [];
  const n = 1 + Math.floor(rnd() * 60);
  for (let i = 0; i < n; i++) {
    const r = rnd();
    if (r < 0.8) parts.push(pick(rnd, PIECES));
    else if (r < 0.95) parts.push(randomChars(rnd, 1 + Math.floor(rnd() * 12)));
    else parts.push(pick(rnd, ['- ', '> ', '<Redact>', '*', '[', '  - ', '1. ']).repeat(1 + Math.floor(rnd() * 80)));
  }
  return parts.join('');
}

function randomReport(rnd: () => number): string {
  const r = rnd();
  const front = r < 0.7
    ? ['year: 2022', 'title: 2022年度报告', 'stats:', ...STATS_LINES.filter(() => rnd() < 0.3)].join('\n')
    : Array.from({ length: Math.floor(rnd() * 8) }, () => (rnd() < 0.3 ? pick(rnd, STATS_LINES) : pick(rnd, FRONT_PIECES))).join('\n');
  const opening = rnd() < 0.95 ? '---\n' : pick(rnd, ['', '--\n', '---', '\ufeff---\r\n']);
  const closing = rnd() < 0.95 ? '\n---\n' : pick(rnd, ['', '\n--\n', '---']);
  return `${opening}${front}${closing}${randomBody(rnd)}`;
}

/** A content folder in memory: site.yaml, metrics.yaml and one report. */
function memoryFolder(report: string): ContentReader {
  const files = new Map<string, string>([
    [join(DIR, 'site.yaml'), SITE],
    [join(DIR, 'metrics.yaml'), METRICS],
    [join(DIR, 'reports/2022.mdx'), report],
  ]);
  const enoent = (p: string) => Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
  return {
    stat: (p) => {
      if (p === DIR || p === join(DIR, 'reports')) return { isFile: () => false, isDirectory: () => true, size: 0 };
      const text = files.get(p);
      if (text === undefined) throw enoent(p);
      return { isFile: () => true, isDirectory: () => false, size: Buffer.byteLength(text) };
    },
    lstat: () => ({ isSymbolicLink: () => false }),
    readFile: (p) => {
      const text = files.get(p);
      if (text === undefined) throw enoent(p);
      return new TextEncoder().encode(text);
    },
    readdir: (p) => {
      if (p === join(DIR, 'reports')) return ['2022.mdx'];
      if (p === DIR) return ['site.yaml', 'metrics.yaml', 'reports'];
      throw enoent(p);
    },
  };
}

const CJK = /[\u4e00-\u9fff]/;

function wellFormed(p: Problem): boolean {
  return typeof p.message === 'string' && CJK.test(p.message) && !/\n\s+at /.test(p.message) && (p.hint === undefined || CJK.test(p.hint)) && typeof p.file === 'string';
}

describe('check on generated reports', () => {
  it('the in-memory folder is read like a real one: a valid report passes, a broken one is listed', () => {
    const ok = checkContent(DIR, memoryFolder('---\nyear: 2022\ntitle: 2022年度报告\nstats:\n  meetings: 3\n---\n\n## 一、情况\n\n一是开会<Stat id="meetings" />次。\n'));
    expect(ok.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(ok.reports.map((r) => r.year)).toEqual([2022]);
    const bad = checkContent(DIR, memoryFolder('---\nyear: 2022\ntitle: t\n---\n\n<Stat id="nope" /> {x} [a](javascript:1)\n'));
    expect(bad.problems.length).toBeGreaterThanOrEqual(3);
  });

  it('3,000 generated reports: check never throws, and every problem is a Chinese line', { timeout: 240_000 }, () => {
    // Seeded, so every run checks the same inputs.
    const rnd = prng(20240611);
    const failures: string[] = [];
    let withProblems = 0;
    for (let i = 0; i < 3000; i++) {
      const report = randomReport(rnd);
      try {
        const { problems } = checkContent(DIR, memoryFolder(report));
        if (problems.some((p) => p.severity !== 'notice')) withProblems++;
        const bad = problems.filter((p) => !wellFormed(p));
        if (bad.length) failures.push(`#${i} ${JSON.stringify(report).slice(0, 300)} → ${JSON.stringify(bad[0])}`);
      } catch (e) {
        failures.push(`#${i} ${JSON.stringify(report).slice(0, 300)} threw ${(e as Error).stack?.split('\n').slice(0, 3).join(' | ')}`);
      }
    }
    expect(failures.slice(0, 5)).toEqual([]);
    // The generator reaches what check must catch: most inputs have problems, some are clean.
    expect(withProblems).toBeGreaterThan(2000);
    expect(withProblems).toBeLessThan(3000);
  });
});
