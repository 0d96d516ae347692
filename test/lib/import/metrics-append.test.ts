import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { appendEntries, AppendError } from '../../../src/lib/import/metrics-append.ts';
import { parseYaml } from '../../../src/lib/content/content.ts';
import { metricSchema } from '../../../src/lib/content/metrics.ts';

const NEW = [
  { id: 'dangfeng-lianzheng-jianshe-huiyi', label: '党风廉政建设专题会议', unit: '次', group: '履行主体责任情况', public: false },
  // Characters YAML gives meaning to must come back as written.
  { id: 'zhibiao', label: '#1: "引号" [括号] {花括号} * & ! %', unit: '%', group: '其他', public: true },
];
const NOTE = ['以下 2 个指标由 npm run import 添加'];

/** The author's file, with comments, odd spacing, quoting and flow lists that must stay as they are. */
const AUTHORED = [
  '# 指标登记表（手写）',
  '#   缩进和引号都是作者自己的写法',
  '',
  '- id: petitions-received      # 受理',
  '  label:   受理来信来访',
  "  unit: '件次'",
  '  group: "执纪问责"',
  '  sumOf: [petitions-closed,   petitions-pending]',
  '',
  '',
  '-   id: petitions-closed',
  '    label: 查结',
  '    unit: 件次',
  '- id: petitions-pending',
  '  label: 正在办理',
  '  description: |',
  '    仍在办理中的件次',
  '    （跨年度）',
  '# 末尾的注释',
  '',
].join('\n');

function appended(text: string): { out: string; added: string } {
  const out = appendEntries(text, NEW, NOTE);
  expect(out.startsWith(text)).toBe(true);
  return { out, added: out.slice(text.length) };
}

function entries(text: string): unknown[] {
  return parse(text.replace(/^\uFEFF/, '')) as unknown[];
}

describe('appending new metrics to metrics.yaml', () => {
  it('leaves the author\'s text byte for byte and adds the entries after it', () => {
    const { out, added } = appended(AUTHORED);
    const before = entries(AUTHORED);
    expect(entries(out)).toEqual([...before, ...NEW]);
    expect(added).toContain('# 以下 2 个指标由 npm run import 添加');
    // The file still passes the registry's own reading: no syntax problem, every new entry a valid metric.
    expect(parseYaml(out, 'metrics.yaml').problems).toEqual([]);
    for (const e of NEW) expect(metricSchema.safeParse(e).success).toBe(true);
  });

  it('ends a file without a final newline before appending', () => {
    const text = '- id: a\n  label: 甲  # 没有换行';
    const { out } = appended(text);
    expect(out.slice(text.length, text.length + 1)).toBe('\n');
    expect(entries(out)).toEqual([{ id: 'a', label: '甲' }, ...NEW]);
  });

  it('keeps Windows line endings and a BOM', () => {
    const text = '\uFEFF# 注释\r\n- id: a\r\n  label: 甲\r\n';
    const { out, added } = appended(text);
    expect(out.startsWith('\uFEFF# 注释\r\n')).toBe(true);
    expect(added.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(added).toMatch(/\r\n$/);
    expect(entries(out)).toEqual([{ id: 'a', label: '甲' }, ...NEW]);
  });

  it('lines the new items up with an indented list', () => {
    const text = '  - id: a\n    label: 甲\n';
    const { out, added } = appended(text);
    expect(added).toMatch(/\n {2}- id: dangfeng/);
    expect(entries(out)).toEqual([{ id: 'a', label: '甲' }, ...NEW]);
  });

  it('starts a missing or comment-only file', () => {
    expect(entries(appendEntries('', NEW, NOTE))).toEqual(NEW);
    const comments = '# 示例（去掉行首的“# ”即可启用）：\n# - id: special-meetings\n#   label: 召开专题会议\n';
    const { out } = appended(comments);
    expect(entries(out)).toEqual(NEW);
  });

  it('keeps a block scalar at the end of the file as it was', () => {
    const text = '- id: a\n  label: 甲\n  description: |\n    第一行\n    第二行';
    const { out } = appended(text);
    expect(entries(out)).toEqual([...entries(text), ...NEW]);
    expect((entries(out)[0] as { description: string }).description).toMatch(/^第一行\n第二行\n?$/);
  });

  it('puts a note that spans lines on one comment line each', () => {
    const out = appendEntries('', NEW, ['来自“报告\n- id: injected”']);
    expect(entries(out)).toEqual(NEW);
  });

  it('refuses, in Chinese, what cannot take a new item at its end', () => {
    const refuse = (text: string, message: RegExp) => {
      let err: unknown;
      try {
        appendEntries(text, NEW, NOTE);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(AppendError);
      expect((err as AppendError).message).toMatch(message);
      expect((err as AppendError).hint).toMatch(/[\u4e00-\u9fff]/);
    };
    refuse('[]\n', /方括号/);
    refuse('[{id: a, label: 甲}]', /方括号/);
    refuse('metrics:\n  - id: a\n', /不是指标列表/);
    refuse('- id: a\n  label: "甲\n', /格式错误/);
  });

  it('appends nothing when there is nothing to add', () => {
    expect(appendEntries(AUTHORED, [], NOTE)).toBe(AUTHORED);
  });
});
