// npm run init, end to end: a new content folder per kind that npm run check accepts, and every refusal.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { runNode } from '../helpers/astro-cli.ts';
import { ROOT } from '../helpers/sites.ts';
import { registrySchema } from '../../src/lib/content/metrics.ts';
import { KINDS, KIND_IDS } from '../../src/lib/kinds/index.ts';

const INIT = join(ROOT, 'src/cli/init.ts');
const CHECK = join(ROOT, 'src/cli/check.ts');
const scratch = () => mkdtempSync(join(tmpdir(), 'nianbao-init-'));

describe('npm run init -- DIR --kind K', () => {
  it.each(KIND_IDS)('%s: site.yaml, the kind’s metrics.yaml, an empty reports/ and a Chinese README; check passes but for “no reports yet”', (kind) => {
    const dir = join(scratch(), 'content-new');
    const r = runNode(INIT, [dir, '--kind', kind]);
    expect(r.status, r.output).toBe(0);
    expect(r.stdout).toContain(`已创建 ${dir}（${KINDS[kind].name}）`);
    expect(readdirSync(dir).sort()).toEqual(['README.md', 'metrics.yaml', 'reports', 'site.yaml']);
    expect(readdirSync(join(dir, 'reports'))).toEqual([]);

    const site = parseYaml(readFileSync(join(dir, 'site.yaml'), 'utf8'));
    expect(site.kind).toBe(kind);
    expect(site.title).toMatch(/^【请填写】/);

    const registryText = readFileSync(join(dir, 'metrics.yaml'), 'utf8');
    expect(registryText).toMatch(/^# .*指标登记表/);
    expect(registryText).toContain('#   public      对外公开版是否显示真实数字');
    const registry = registrySchema.safeParse(parseYaml(registryText) ?? []);
    expect(registry.error?.issues ?? []).toEqual([]);
    expect(registry.data!.metrics.map((m) => m.id)).toEqual(KINDS[kind].metrics.map((m) => m.id));
    expect(registry.data!.rules.filter((x) => x.source.kind === 'rule')).toHaveLength(KINDS[kind].rules.length);

    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    for (const step of ['npm run import', 'npm run new', 'npm run check', `NIANBAO_CONTENT=${dir} npm start`]) expect(readme).toContain(step);

    const check = runNode(CHECK, [], { NIANBAO_CONTENT: dir });
    expect(check.status, check.output).toBe(0);
    expect(check.stdout).toContain('共 0 个错误，0 个警告，1 个提示。');
    expect(check.stdout).toContain('[提示] 还没有报告');
    expect(check.stdout).toContain(`NIANBAO_CONTENT=${dir} npm run import -- 报告.docx`);
    expect(check.stdout).toContain('“【请填写】”占位文字换成本单位的内容');
  });

  it('the gov-info-disclosure registry lists the format’s tables row by row, with its 勾稽关系 after each table', () => {
    const dir = join(scratch(), 'gov');
    expect(runNode(INIT, [dir, '--kind', 'gov-info-disclosure']).status).toBe(0);
    const text = readFileSync(join(dir, 'metrics.yaml'), 'utf8');
    expect(text).toContain('# ==== 收到和处理政府信息公开申请情况 ====');
    expect(text).toContain('# 三、本年度办理结果 （三）不予公开 1.属于国家秘密\n- id: requests-withheld-state-secret-natural-person');
    expect(text).toContain('  column: [法人或其他组织, 商业企业]');
    expect(text).toContain('- rule: 自然人列 第一项加第二项之和等于第三项加第四项之和\n  left: [requests-new-natural-person, requests-carried-over-natural-person]');
    expect(text.indexOf('# 勾稽关系：收到和处理政府信息公开申请情况')).toBeLessThan(text.indexOf('# ==== 政府信息公开行政复议、行政诉讼情况 ===='));
  });

  it('fills an empty folder that already exists', () => {
    const dir = scratch();
    const r = runNode(INIT, [dir, '--kind', 'general']);
    expect(r.status, r.output).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['README.md', 'metrics.yaml', 'reports', 'site.yaml']);
  });

  it('refuses a folder that is not empty, and touches nothing in it', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'site.yaml'), 'title: 已有的网站\n');
    mkdirSync(join(dir, 'reports'));
    const r = runNode(INIT, [dir, '--kind', 'gov-info-disclosure']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${dir} 不是空目录`);
    expect(r.stderr).toContain('没有做任何改动');
    expect(r.stderr).toContain('init 从不覆盖已有的文件');
    expect(readdirSync(dir).sort()).toEqual(['reports', 'site.yaml']);
    expect(readFileSync(join(dir, 'site.yaml'), 'utf8')).toBe('title: 已有的网站\n');
  });

  it('refuses a path that is a file', () => {
    const file = join(scratch(), 'notes.txt');
    writeFileSync(file, '笔记');
    const r = runNode(INIT, [file, '--kind', 'general']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('是一个文件');
    expect(readFileSync(file, 'utf8')).toBe('笔记');
  });

  it('without --kind, or with an unknown one, lists the kinds and writes nothing', () => {
    const parent = scratch();
    const missing = runNode(INIT, [join(parent, 'a')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('没有指定报告类型 --kind');
    const unknown = runNode(INIT, [join(parent, 'b'), '--kind', 'gov-info']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('不认识的报告类型“gov-info”');
    for (const r of [missing, unknown]) for (const id of KIND_IDS) expect(r.stderr).toContain(`${id}（${KINDS[id].name}）`);
    expect(readdirSync(parent)).toEqual([]);
  });

  it('without a folder, says how it is used', () => {
    const r = runNode(INIT, ['--kind', 'general']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('没有指定要创建的内容目录');
    expect(r.stderr).toContain('用法：npm run init -- 目录 --kind 报告类型');
  });
});
