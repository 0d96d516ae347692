// npm run check on tables an author gets wrong: test/fixtures/broken-tables/README.md is the answer key.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runNode, type RunResult } from '../helpers/astro-cli.ts';
import { ROOT } from '../helpers/sites.ts';

const CHECK = join(ROOT, 'src/cli/check.ts');
const DIR = join(ROOT, 'test/fixtures/broken-tables');

describe('npm run check on test/fixtures/broken-tables', () => {
  let r: RunResult;
  let lines: string[];
  beforeAll(() => {
    r = runNode(CHECK, [], { NIANBAO_CONTENT: DIR }, 60_000);
    lines = r.output.split('\n').filter((l) => l.startsWith('  ['));
  });
  const has = (...parts: string[]) => expect(lines.find((l) => parts.every((p) => l.includes(p))), `${parts.join(' + ')}\n${lines.join('\n')}`).toBeDefined();

  it('exits 1 and lists every problem at once, nothing else', () => {
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('共 9 个错误，2 个警告，0 个提示。');
    expect(lines).toHaveLength(11);
  });
  it('row 1–2: ragged rows', () => {
    has('[错误]', '第 14 行', '有 3 格', '表头', '有 2 格', '多出的格不会显示');
    has('[错误]', '第 15 行', '有 1 格', '缺的格会显示成空格');
  });
  it('row 3–5: markers with nothing to merge into, a merge that is not a rectangle', () => {
    has('[错误]', '第 19 行', '第一行的第 2 格写了 ^');
    has('[错误]', '第 21 行', '第一格写了 >');
    has('[错误]', '第 23 行', '“行政复议”不是一个矩形');
  });
  it('row 6–7: an empty table, a table with only a header', () => {
    has('[错误]', '第 29 行', '表格是空的');
    has('[警告]', '第 33 行', '只有表头');
  });
  it('row 8–10: an image, an unknown stat and a stat without a value in cells', () => {
    has('[错误]', '第 40 行', '图片');
    has('[错误]', '第 40 行', 'licencing-decisions');
    expect(r.output).toContain('是否应为 licensing-decisions？');
    has('[错误]', '第 41 行', 'penalty-decisions', '没有给出它的数值');
  });
  it('row 11: lines of | without a separator row', () => {
    has('[警告]', '第 45 行', '没有被识别为表格');
    expect(r.output).toContain('表格的第二行必须是分隔行');
  });
  it('sections holding only tables are not “empty”', () => {
    expect(r.output).not.toContain('下面还没有内容');
  });
});
