// The commands on a portal, end to end: init --portal and a series added inside it, check over every
// series, and the commands that do not take a portal yet (build) or take a series (new) saying so.
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { runNode } from '../helpers/astro-cli.ts';
import { ROOT } from '../helpers/sites.ts';
import { portalSchema } from '../../src/lib/portal/portal-schema.ts';

const INIT = join(ROOT, 'src/cli/init.ts');
const CHECK = join(ROOT, 'src/cli/check.ts');
const ASTRO = join(ROOT, 'src/cli/astro.ts');
const NEW = join(ROOT, 'src/cli/new.ts');
const FIXTURE = join(ROOT, 'test/fixtures/portal');
const scratch = () => mkdtempSync(join(tmpdir(), 'nianbao-portal-cli-'));

describe('npm run init -- DIR --portal, then DIR/<series> --kind K', () => {
  it('starts a portal, adds series with the first group, and check passes but for the placeholders', () => {
    const dir = join(scratch(), 'county');
    const r = runNode(INIT, [dir, '--portal']);
    expect(r.status, r.output).toBe(0);
    expect(r.stdout).toContain(`已创建门户 ${dir}`);
    expect(readdirSync(dir).sort()).toEqual(['README.md', 'portal.yaml']);
    const portalText = readFileSync(join(dir, 'portal.yaml'), 'utf8');
    expect(portalText).toContain('groups: [区政府, 部门, 街道乡镇]');
    const portal = portalSchema.parse(parseYaml(portalText));
    expect(portal.groups).toEqual(['区政府', '部门', '街道乡镇']);
    expect(portal.title).toMatch(/^【请填写】/);
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    for (const step of [`npm run init -- ${dir}/zfb-xxgk --kind gov-info-disclosure`, `NIANBAO_CONTENT=${dir} npm run check`]) expect(readme).toContain(step);

    const s = runNode(INIT, [join(dir, 'zfb-xxgk'), '--kind', 'gov-info-disclosure']);
    expect(s.status, s.output).toBe(0);
    expect(s.stdout).toContain('分组 区政府');
    const site = parseYaml(readFileSync(join(dir, 'zfb-xxgk', 'site.yaml'), 'utf8'));
    expect(site).toMatchObject({ kind: 'gov-info-disclosure', group: '区政府' });
    expect(site.organization).toBe('【请填写】本单位全称（门户主办单位是 某某县人民政府办公室）');
    expect(readFileSync(join(dir, 'zfb-xxgk', 'site.yaml'), 'utf8')).toContain('可选：区政府、部门、街道乡镇');
    const seriesReadme = readFileSync(join(dir, 'zfb-xxgk', 'README.md'), 'utf8');
    expect(seriesReadme).toContain(`NIANBAO_CONTENT=${dir}/zfb-xxgk npm run import`);
    expect(seriesReadme).toContain(`NIANBAO_CONTENT=${dir} npm run check`);
    expect(runNode(INIT, [join(dir, 'jwb-ztzr'), '--kind', 'party-governance']).status).toBe(0);

    const check = runNode(CHECK, [], { NIANBAO_CONTENT: dir }, 60_000);
    expect(check.status, check.output).toBe(0);
    expect(check.stdout).toContain('2 个系列，0 份报告');
    expect(check.stdout).toMatch(/✓ jwb-ztzr {2}区政府 {2}还没有报告/);
    expect(check.stdout).toMatch(/✓ zfb-xxgk {2}区政府 {2}还没有报告/);
    expect(check.stdout).toContain('portal.yaml\n  [提示] 字段 title：title 还是 npm run init 写的占位文字');
  });

  it('refuses a series id that is not kebab-case ASCII, with a fix, and writes nothing', () => {
    const dir = join(scratch(), 'county');
    expect(runNode(INIT, [dir, '--portal']).status).toBe(0);
    for (const [name, fix] of [
      ['政府办-信息公开', 'zfb-xxgk'],
      ['ZFB_xxgk', 'zfb-xxgk'],
      ['review', undefined],
    ] as const) {
      const r = runNode(INIT, [join(dir, name), '--kind', 'gov-info-disclosure']);
      expect(r.status, name).toBe(1);
      expect(r.stderr).toContain(`“${name}”`);
      expect(r.stderr).toContain('小写英文字母、数字和连字符');
      if (fix) expect(r.stderr).toContain(`npm run init -- ${join(dir, fix)} --kind gov-info-disclosure`);
      expect(existsSync(join(dir, name))).toBe(false);
    }
    expect(readdirSync(dir).sort()).toEqual(['README.md', 'portal.yaml']);
  });

  it('refuses --portal with --kind, a portal inside a portal, and a series of a broken portal.yaml', () => {
    const dir = join(scratch(), 'county');
    expect(runNode(INIT, [dir, '--portal', '--kind', 'general']).stderr).toContain('--portal 和 --kind 不能同用');
    expect(runNode(INIT, [dir, '--portal']).status).toBe(0);
    const nested = runNode(INIT, [join(dir, 'inner'), '--portal']);
    expect(nested.status).toBe(1);
    expect(nested.stderr).toContain('门户中不能再建门户');
    writeFileSync(join(dir, 'portal.yaml'), 'title: 门户\norganization: 县政府办\n');
    const broken = runNode(INIT, [join(dir, 'zfb-xxgk'), '--kind', 'general']);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain('门户的 portal.yaml 有错误，没有添加系列');
    expect(broken.stderr).toContain('groups');
    expect(existsSync(join(dir, 'zfb-xxgk'))).toBe(false);
  });

  it('outside a portal, init works exactly as before (no group)', () => {
    const dir = join(scratch(), 'content');
    expect(runNode(INIT, [dir, '--kind', 'general']).status).toBe(0);
    expect(parseYaml(readFileSync(join(dir, 'site.yaml'), 'utf8')).group).toBeUndefined();
  });
});

describe('npm run check on a portal', () => {
  it('checks every series, lists problems by series with paths relative to the portal, exit 1 on the error', () => {
    const r = runNode(CHECK, [], { NIANBAO_CONTENT: FIXTURE }, 60_000);
    expect(r.status, r.output).toBe(1);
    const out = r.stderr;
    expect(out).toContain(`门户“某某县政府信息公开和年度报告”：${FIXTURE}，3 个系列，4 份报告`);
    expect(out).toContain('── jd-dhjd · 某某县东湖街道办事处');
    expect(out).toContain('jd-dhjd/reports/2024.mdx\n  [错误] 第 6 行，字段 stats.new-jobs：未知指标 new-jobs');
    expect(out).toContain('zfb-xxgk/reports/2022.mdx');
    expect(out.match(/^ {2}[✓✗] /gm)).toHaveLength(3);
    expect(out).toMatch(/共 1 个错误，\d+ 个警告，0 个提示。\n请按 → 后的提示逐条修改/);
  });

  it('exit 0 once the error is fixed', () => {
    const dir = join(scratch(), 'county');
    cpSync(FIXTURE, dir, { recursive: true });
    const bad = join(dir, 'jd-dhjd', 'reports', '2024.mdx');
    writeFileSync(bad, readFileSync(bad, 'utf8').replace('  new-jobs: 300\n', ''));
    const r = runNode(CHECK, [], { NIANBAO_CONTENT: dir }, 60_000);
    expect(r.status, r.output).toBe(0);
    expect(r.stdout).toMatch(/✓ jd-dhjd {3}街道乡镇 {2}2 份报告（2023—2024）：没有问题/);
  });

  it('a single series inside the portal is still checked on its own, as a content folder', () => {
    const r = runNode(CHECK, [], { NIANBAO_CONTENT: join(FIXTURE, 'jwb-ztzr') }, 60_000);
    expect(r.status, r.output).toBe(0);
    expect(r.stdout).toContain(`✓ 内容检查通过：${join(FIXTURE, 'jwb-ztzr')}`);
  });
});

describe('commands on a portal', () => {
  it('build checks every series first: a report with an error stops it, named by its series, and nothing is built', () => {
    const out = join(scratch(), 'site');
    const r = runNode(ASTRO, ['build', '--outDir', out], { NIANBAO_CONTENT: FIXTURE }, 60_000);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('jd-dhjd/reports/2024.mdx');
    expect(r.stderr).toContain('未知指标 new-jobs');
    expect(existsSync(out)).toBe(false);
  });

  it('new names the series to use', () => {
    const r = runNode(NEW, ['2025'], { NIANBAO_CONTENT: FIXTURE }, 60_000);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('是门户（有 portal.yaml），npm run new 要指定其中的一个系列');
    expect(r.stderr).toContain('门户中的系列：jd-dhjd、jwb-ztzr、zfb-xxgk');
  });
});
