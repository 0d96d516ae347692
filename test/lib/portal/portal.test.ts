// Loading a portal and the cross-series model, on test/fixtures/portal (three series of three kinds and
// groups; jd-dhjd's 2024 report has a deliberate error) and on copies of it with one thing wrong.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/lib/check/check.ts';
import { checkPortal, formatPortalCheck } from '../../../src/lib/portal/check-portal.ts';
import { portalModel } from '../../../src/lib/portal/model.ts';
import { isPortalFolder, loadPortal, scanPortal } from '../../../src/lib/portal/portal.ts';
import { ROOT } from '../../helpers/sites.ts';

const FIXTURE = join(ROOT, 'test/fixtures/portal');

describe('the fixture portal', () => {
  it('is a portal; a content folder is not', () => {
    expect(isPortalFolder(FIXTURE)).toBe(true);
    expect(isPortalFolder(join(ROOT, 'test/fixtures/minimal'))).toBe(false);
    expect(isPortalFolder(join(FIXTURE, 'zfb-xxgk'))).toBe(false);
  });

  it('loads portal.yaml and every series (id = folder name, in name order) with its group, site and reports', () => {
    const p = loadPortal(FIXTURE);
    expect(p.problems).toEqual([]);
    expect(p.config).toMatchObject({ title: '某某县政府信息公开和年度报告', organization: '某某县人民政府办公室', groups: ['区政府', '部门', '街道乡镇'] });
    expect(p.series.map((s) => [s.id, s.group, s.site?.kind, s.content.reports.map((r) => r.year)])).toEqual([
      ['jd-dhjd', '街道乡镇', 'general', [2023]],
      ['jwb-ztzr', '部门', 'party-governance', [2021]],
      ['zfb-xxgk', '区政府', 'gov-info-disclosure', [2021, 2022]],
    ]);
    // The series loader's problems stay the series' own, relative to the series.
    expect(p.series[0]!.content.problems).toContainEqual(expect.objectContaining({ severity: 'error', file: 'reports/2024.mdx', field: 'stats.new-jobs' }));
  });

  it('checks every series: problems relative to the portal, counted per series in the model', () => {
    const r = checkPortal(FIXTURE);
    expect(r.portalProblems).toEqual([]);
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([expect.objectContaining({ file: 'jd-dhjd/reports/2024.mdx', field: 'stats.new-jobs' })]);
    expect(r.problems.every((p) => /^(jd-dhjd|jwb-ztzr|zfb-xxgk)\//.test(p.file))).toBe(true);
    // Each series is checked exactly as the content folder it is.
    const zfb = r.series.find((s) => s.id === 'zfb-xxgk')!;
    expect(zfb.problems).toEqual(checkContent(join(FIXTURE, 'zfb-xxgk')).problems.map((p) => ({ ...p, file: `zfb-xxgk/${p.file}` })));

    expect(r.model.groups.map((g) => [g.name, g.series.map((s) => s.id)])).toEqual([
      ['区政府', ['zfb-xxgk']],
      ['部门', ['jwb-ztzr']],
      ['街道乡镇', ['jd-dhjd']],
    ]);
    expect(r.model.ungrouped).toEqual([]);
    expect(r.model.years).toEqual([2021, 2022, 2023]);
    expect(r.model.latestYear).toBe(2023);
    const [zfbSummary] = r.model.groups[0]!.series;
    expect(zfbSummary).toMatchObject({ id: 'zfb-xxgk', organization: '某某县人民政府办公室', kind: 'gov-info-disclosure', kindName: '政府信息公开工作年度报告', years: [2021, 2022], latestYear: 2022 });
    expect(zfbSummary!.problems).toEqual({ error: 0, warning: zfb.problems.length, notice: 0 });
    expect(r.model.groups[2]!.series[0]!.problems.error).toBe(1);
  });

  it('prints problems by series, paths relative to the portal, and one line per series', () => {
    const text = formatPortalCheck(checkPortal(FIXTURE));
    const lines = text.split('\n');
    expect(lines[0]).toBe(`门户“某某县政府信息公开和年度报告”：${FIXTURE}，3 个系列，4 份报告`);
    expect(lines).toContain('── jd-dhjd · 某某县东湖街道办事处 · 工作总结、政府工作报告等其他年度报告 · 街道乡镇');
    expect(lines).toContain('jd-dhjd/reports/2024.mdx');
    expect(text).not.toContain(`${FIXTURE}/jd-dhjd`);
    const summary = lines.slice(lines.indexOf('各系列：') + 1, lines.indexOf('各系列：') + 4);
    expect(summary[0]).toMatch(/^ {2}✗ jd-dhjd {3}街道乡镇 {2}1 份报告（2023，另有 1 份有错误未能读取）：1 个错误，0 个警告，0 个提示$/);
    expect(summary[1]).toMatch(/^ {2}✓ jwb-ztzr {2}部门　　 {2}1 份报告（2021）：没有问题$/);
    expect(summary[2]).toMatch(/^ {2}✓ zfb-xxgk {2}区政府　 {2}2 份报告（2021—2022）：0 个错误，\d+ 个警告，0 个提示$/);
    expect(lines.at(-1)).toMatch(/^共 1 个错误，\d+ 个警告，0 个提示。$/);
  });
});

describe('a portal with something wrong', () => {
  let dir: string;
  beforeEach(() => {
    dir = join(mkdtempSync(join(tmpdir(), 'nianbao-portal-')), 'county');
    cpSync(FIXTURE, dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const edit = (file: string, from: string | RegExp, to: string) => writeFileSync(join(dir, file), readFileSync(join(dir, file), 'utf8').replace(from, to));

  it('a group portal.yaml does not name is an error with the groups and the nearest one; the series is listed as ungrouped', () => {
    edit('jwb-ztzr/site.yaml', 'group: 部门', 'group: 部 门');
    const r = checkPortal(dir);
    const p = r.problems.find((x) => x.file === 'jwb-ztzr/site.yaml');
    expect(p).toMatchObject({ severity: 'error', field: 'group', message: 'group 是“部 门”，但 portal.yaml 的 groups 中没有这个分组' });
    expect(p?.hint).toContain('区政府、部门、街道乡镇');
    expect(p?.hint).toContain('是不是“部门”');
    expect(r.model.ungrouped.map((s) => s.id)).toEqual(['jwb-ztzr']);
    expect(r.model.groups[1]).toEqual({ name: '部门', series: [] });
    expect(formatPortalCheck(r)).toMatch(/✗ jwb-ztzr {2}未分组/);
  });

  it('a series without group (an existing folder moved in unchanged) is a warning, and still checked', () => {
    edit('jwb-ztzr/site.yaml', /group: 部门\n/, '');
    const r = checkPortal(dir);
    expect(r.problems.find((x) => x.file === 'jwb-ztzr/site.yaml')).toMatchObject({ severity: 'warning', field: 'group', hint: expect.stringContaining('group: 区政府') });
    expect(r.series.find((s) => s.id === 'jwb-ztzr')?.result.reports).toHaveLength(1);
    expect(r.model.ungrouped.map((s) => s.id)).toEqual(['jwb-ztzr']);
  });

  it('a series folder whose name is not kebab-case ASCII is refused with a fix, and not checked', () => {
    renameSync(join(dir, 'zfb-xxgk'), join(dir, 'ZFB_xxgk'));
    mkdirSync(join(dir, '财政局'));
    cpSync(join(dir, 'jwb-ztzr'), join(dir, '财政局'), { recursive: true });
    const r = checkPortal(dir);
    expect(r.series.map((s) => s.id)).toEqual(['jd-dhjd', 'jwb-ztzr']);
    expect(r.portalProblems).toContainEqual(expect.objectContaining({ severity: 'error', file: 'ZFB_xxgk', message: '“ZFB_xxgk”不能用作系列目录名，这个系列没有检查', hint: expect.stringMatching(/^把目录改名，如 zfb-xxgk。系列目录名/) }));
    expect(r.portalProblems).toContainEqual(expect.objectContaining({ severity: 'error', file: '财政局', hint: expect.stringMatching(/^把目录改名。系列目录名.*小写英文字母/) }));
  });

  it('a subfolder without site.yaml is named, not silently skipped; hidden folders and files are ignored', () => {
    mkdirSync(join(dir, 'old-reports', 'reports'), { recursive: true });
    mkdirSync(join(dir, '附件'));
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, 'README.md'), '说明');
    const r = scanPortal(dir);
    expect(r.series.map((s) => s.id)).toEqual(['jd-dhjd', 'jwb-ztzr', 'zfb-xxgk']);
    expect(r.problems.map((p) => [p.severity, p.file, p.message])).toEqual([
      ['warning', 'old-reports', 'old-reports/ 中没有 site.yaml，不是一个系列，其中 reports/ 的报告不会检查，也不会上网站'],
      ['warning', '附件', '附件/ 中没有 site.yaml，不是一个系列，门户不读它'],
    ]);
  });

  it('portal.yaml problems carry file, field, line and fix', () => {
    writeFileSync(join(dir, 'portal.yaml'), 'title: 门户\norganization: 县政府办\ngroups: [部门, 部门]\nkind: general\n');
    const r = checkPortal(dir);
    expect(r.config).toBeUndefined();
    expect(r.portalProblems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ severity: 'error', file: 'portal.yaml', field: 'groups[1]', line: 3, message: '分组“部门”写了两次', hint: '每个分组只写一次；删去重复的一项' }),
        expect.objectContaining({ severity: 'error', file: 'portal.yaml', line: 1, message: '不认识的字段：kind', hint: expect.stringContaining('title、organization、description、groups') }),
      ]),
    );
    // The series are still checked, their group unknown until portal.yaml is fixed.
    expect(r.series).toHaveLength(3);
  });

  it('portal.yaml with a YAML error is explained in Chinese with its line', () => {
    writeFileSync(join(dir, 'portal.yaml'), 'title: 门户\norganization：县政府办\n');
    expect(checkPortal(dir).portalProblems[0]).toMatchObject({ severity: 'error', file: 'portal.yaml', message: expect.stringContaining('中文冒号') });
  });

  it('a symlink to another series of the portal is refused (its reports would be counted twice); a link to a folder elsewhere is a series', () => {
    const elsewhere = join(dir, '..', 'shared', 'jwb-ztzr');
    mkdirSync(join(dir, '..', 'shared'));
    renameSync(join(dir, 'jwb-ztzr'), elsewhere);
    symlinkSync(elsewhere, join(dir, 'jwb-ztzr'));
    symlinkSync('zfb-xxgk', join(dir, 'zfb-xxgk-copy'));
    const r = checkPortal(dir);
    expect(r.series.map((s) => s.id)).toEqual(['jd-dhjd', 'jwb-ztzr', 'zfb-xxgk']);
    expect(r.portalProblems).toEqual([
      expect.objectContaining({ severity: 'error', file: 'zfb-xxgk-copy', message: expect.stringMatching(/^zfb-xxgk-copy\/ 和 zfb-xxgk\/ 是同一个文件夹.*全县合计也会算两次/), hint: expect.stringContaining('删除符号链接 zfb-xxgk-copy') }),
    ]);
    expect(scanPortal(dir).series.map((s) => s.id)).toEqual(['jd-dhjd', 'jwb-ztzr', 'zfb-xxgk']);
  });

  it('a dangling or looping symlinked series is named as an error, not silently left out', () => {
    symlinkSync(join(dir, 'no-such-folder'), join(dir, 'czj-xxgk'));
    symlinkSync('loop-xxgk', join(dir, 'loop-xxgk'));
    const r = scanPortal(dir);
    expect(r.series.map((s) => s.id)).toEqual(['jd-dhjd', 'jwb-ztzr', 'zfb-xxgk']);
    expect(r.problems.map((p) => [p.severity, p.file, p.message])).toEqual([
      ['error', 'czj-xxgk', 'czj-xxgk 是一个符号链接，但它指向的文件夹不存在，这个系列没有检查，也不会上网站'],
      ['error', 'loop-xxgk', 'loop-xxgk 是循环的符号链接（链接指向自己，或几个链接互相指向），读不到内容，这个系列没有检查，也不会上网站'],
    ]);
    expect(r.problems[0]?.hint).toContain('删除 czj-xxgk 这个链接');
  });

  it('two series of one office and one kind (a copied folder whose site.yaml was not edited) is a warning on the later one; one office with two kinds is not', () => {
    cpSync(join(dir, 'zfb-xxgk'), join(dir, 'czj-xxgk'), { recursive: true });
    edit('jwb-ztzr/site.yaml', 'organization: 某某县纪委监委', 'organization: 某某县人民政府办公室');
    const r = checkPortal(dir);
    const same = r.problems.filter((p) => p.field === 'organization');
    expect(same).toEqual([
      expect.objectContaining({ severity: 'warning', file: 'zfb-xxgk/site.yaml', message: expect.stringMatching(/^organization 是“某某县人民政府办公室”，与 czj-xxgk 的单位和报告类型都相同/), hint: expect.stringContaining('改成本单位的名称') }),
    ]);
    expect(r.series.find((s) => s.id === 'zfb-xxgk')?.problems).toContainEqual(same[0]);
  });

  it('an empty portal says how to add a series', () => {
    for (const s of ['jd-dhjd', 'jwb-ztzr', 'zfb-xxgk']) rmSync(join(dir, s), { recursive: true });
    const r = checkPortal(dir);
    expect(r.problems).toEqual([expect.objectContaining({ severity: 'notice', file: '.', message: '门户中还没有系列', hint: expect.stringContaining('--kind') })]);
    expect(formatPortalCheck(r)).toContain('（还没有系列）');
  });
});

describe('the portal model', () => {
  it('lists groups in portal.yaml order, series by office, and keeps empty groups', () => {
    const config = { title: 't', organization: 'o', groups: ['区政府', '部门', '街道乡镇'] };
    const m = portalModel(config, [
      { id: 'sj', site: { title: 'x', organization: '审计局', kind: 'gov-info-disclosure' }, group: '部门', years: [2024, 2022, 2023] },
      { id: 'cz', site: { title: 'x', organization: '财政局', kind: 'gov-info-disclosure' }, group: '部门', years: [2023] },
      { id: 'xx', site: undefined, years: [] },
    ]);
    expect(m.groups.map((g) => [g.name, g.series.map((s) => s.id)])).toEqual([
      ['区政府', []],
      ['部门', ['cz', 'sj']],
      ['街道乡镇', []],
    ]);
    expect(m.groups[1]!.series[1]).toMatchObject({ years: [2022, 2023, 2024], latestYear: 2024, problems: { error: 0, warning: 0, notice: 0 } });
    expect(m.ungrouped.map((s) => [s.id, s.kind, s.latestYear])).toEqual([['xx', 'general', undefined]]);
    expect(m.years).toEqual([2022, 2023, 2024]);
  });
});
