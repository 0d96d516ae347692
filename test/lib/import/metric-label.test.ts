// Labels for new metrics, read from the sentences of real published reports: the sample, the real-report
// fixtures (test/fixtures/real/, sources in their READMEs) and 纪检监察 sentences published by offices
// (sources beside each). Each sentence is looked up in its fixture, so the test reads what offices wrote.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCounts } from '../../../src/lib/import/counts.ts';
import { labelForCount, MAX_LABEL, type LabelResult } from '../../../src/lib/import/metric-label.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures');
const texts = new Map<string, string>();
function fixture(name: string): string {
  if (!texts.has(name)) {
    const file = name === 'seed' ? join(FIXTURES, 'seed/2022.txt') : join(FIXTURES, 'real', name, 'report.txt');
    texts.set(name, readFileSync(file, 'utf8'));
  }
  return texts.get(name) as string;
}

/** The label of the count `count` (e.g. "12次") that stands inside `fragment` of paragraph text `text`. */
function labelAt(text: string, fragment: string, count: string): LabelResult {
  const line = text.split('\n').find((l) => l.includes(fragment));
  if (!line) throw new Error(`not in the text: ${fragment}`);
  const at = line.indexOf(fragment);
  const counts = findCounts(line);
  const index = counts.findIndex((c) => c.start >= at && c.unitEnd <= at + fragment.length && `${c.written}${c.unit}` === count);
  if (index < 0) throw new Error(`no count ${count} in: ${fragment}`);
  return labelForCount(line, counts, index);
}

/** Every quote and bracket closed, in order. */
function balanced(s: string): boolean {
  const pairs: Record<string, string> = { '“': '”', '‘': '’', '（': '）', '(': ')', '《': '》', '【': '】' };
  const open: string[] = [];
  for (const ch of s) {
    if (pairs[ch]) open.push(pairs[ch] as string);
    else if (Object.values(pairs).includes(ch) && open.pop() !== ch) return false;
  }
  return open.length === 0;
}

const label = (r: LabelResult) => ('label' in r ? r.label : `✗ ${r.skip}`);

describe('the label of a count, from its sentence', () => {
  it('takes the words before the number, without the verb that only says a meeting was held', () => {
    const s = '召开党风廉政建设专题会议12次，开展廉政谈话86人次，约谈提醒12名干部，发放廉政宣传资料3000余份。';
    expect(label(labelAt(s, s, '12次'))).toBe('党风廉政建设专题会议');
    expect(label(labelAt(s, s, '86人次'))).toBe('廉政谈话');
    expect(label(labelAt(s, s, '3000余份'))).toBe('发放廉政宣传资料');
    // The number before what it counts: the noun after the unit joins the verb.
    expect(label(labelAt(s, s, '12名'))).toBe('约谈提醒干部');
  });

  it('reads the sample report (masked numbers)', () => {
    const t = fixture('seed');
    expect(label(labelAt(t, '召开集体廉政谈话会*次', '*次'))).toBe('集体廉政谈话会');
    // A meeting named by what it discussed keeps the meeting's name when the whole is too long.
    expect(label(labelAt(t, '召开党风廉政（扩大）会议专题研究党风廉政工作*次', '*次'))).toBe('党风廉政（扩大）会议');
    expect(label(labelAt(t, '2022年开展“小微权力”监督检查*次', '*次'))).toBe('“小微权力”监督检查');
    // The office as subject goes: 开发区受理来信来访 → 受理来信来访.
    expect(label(labelAt(t, '2022年开发区受理来信来访*件次', '*件次'))).toBe('受理来信来访');
    expect(label(labelAt(t, '查结*件次，正在办理*件次', '*件次'))).toBe('查结');
    expect(label(labelAt(t, '责令检查*人，批评教育*人，函询*人，开除党籍*人', '*人'))).toBe('责令检查');
    // Two counts in one run: the measure noun belongs to the first, the verb after it to the second.
    expect(label(labelAt(t, '等*个方面排查问题*个', '*个'))).toBe('方面');
    const [, second] = findCounts('围绕政治站位不高、群众意识淡薄等*个方面排查问题*个，制定整改措施**条');
    expect(second?.unit).toBe('个');
    expect(label(labelAt(t, '方面排查问题*个', '*个'))).toBe('排查问题');
    expect(label(labelAt(t, '制定整改措施**条', '**条'))).toBe('制定整改措施');
    expect(label(labelAt(t, '分别到到联系社区进行党风廉政宣讲**余次', '**余次'))).toBe('党风廉政宣讲');
  });

  it('reads government-information reports: subjects, 共/共计/累计, brackets and lists of counts', () => {
    const p22 = fixture('gov-2022-pingtan');
    expect(label(labelAt(p22, '2022年全区共主动公开政府信息14571条', '14571条'))).toBe('主动公开政府信息');
    expect(label(labelAt(p22, '全区收到政府信息公开申请75件', '75件'))).toBe('收到政府信息公开申请');
    expect(label(labelAt(p22, '办结率100%', '100%'))).toBe('办结率');
    expect(label(labelAt(p22, '共有行政诉讼案件1件、行政复议案件2件', '1件'))).toBe('行政诉讼案件');
    expect(label(labelAt(p22, '共有行政诉讼案件1件、行政复议案件2件', '2件'))).toBe('行政复议案件');
    expect(label(labelAt(p22, '对全区现存的33个政务新媒体', '33个'))).toBe('现存的政务新媒体');
    expect(label(labelAt(p22, '全年共组织4次政务公开季度检查通报', '4次'))).toBe('政务公开季度检查通报');

    const p23 = fixture('gov-2023-pingtan');
    expect(label(labelAt(p23, '各类政府信息公开申请共计81件', '81件'))).toBe('各类政府信息公开申请');
    expect(label(labelAt(p23, '注销2个无人维护或重复建设的政务新媒体', '2个'))).toBe('注销政务新媒体');
    expect(label(labelAt(p23, '新开设1个政务新媒体', '1个'))).toBe('新开设政务新媒体');
    expect(label(labelAt(p23, '全年开展季度通报3次、月通报7次', '7次'))).toBe('月通报');
    expect(label(labelAt(p23, '因政府信息公开引起的行政复议案件2件', '2件'))).toBe('因政府信息公开引起的行政复议案件');

    const p19 = fixture('gov-2019-pingtan');
    expect(label(labelAt(p19, '(其中机构职能类信息25条', '25条'))).toBe('机构职能类信息');
    expect(label(labelAt(p19, '政策、规范性文件类信息68条', '68条'))).toBe('政策、规范性文件类信息');
    expect(label(labelAt(p19, '（政府预决算32条', '32条'))).toBe('政府预决算');
    expect(label(labelAt(p19, '、“三公”经费27条', '27条'))).toBe('“三公”经费');
    expect(label(labelAt(p19, '施工许可证76条、安全生产许可证121条', '121条'))).toBe('安全生产许可证');
    expect(label(labelAt(p19, '公开劳动就业、三农信息等信息共62条', '62条'))).toBe('公开信息');

    const sh = fixture('gov-2019-shanghai-bgt');
    expect(label(labelAt(sh, '市政府办公厅代表市政府共受理政府信息公开申请859件', '859件'))).toBe('受理政府信息公开申请');
    expect(label(labelAt(sh, '（含上年度结转申请18件', '18件'))).toBe('上年度结转申请');
    expect(label(labelAt(sh, '另有72件申请按照', '72件'))).toBe('申请');
    expect(label(labelAt(sh, '刊登政府规章、规范性文件等112件', '112件'))).toBe('刊登政府规章、规范性文件');
  });

  it('reads work summaries: 约, 等 lists, nouns after the unit, a short clause before a bare noun', () => {
    const lw = fixture('summary-2022-pingtan-lwtj');
    expect(label(labelAt(lw, '全年接待旅游人数约700万人次', '700万人次'))).toBe('接待旅游人数');
    expect(label(labelAt(lw, '实现旅游收入约63亿元', '63亿元'))).toBe('旅游收入');
    expect(label(labelAt(lw, '增设景区标准化停车场2处', '2处'))).toBe('增设景区标准化停车场');
    expect(label(labelAt(lw, '舞蹈诗剧《只此青绿》等音乐活动55场次', '55场次'))).toBe('音乐活动');
    expect(label(labelAt(lw, '开工一批，共38个项目', '38个'))).toBe('开工一批项目');
    expect(label(labelAt(lw, '力争全年新增住宿2000间、床位3000个', '3000个'))).toBe('床位');
    expect(label(labelAt(lw, '策划推出7条微度假主题线路产品', '7条'))).toBe('策划推出微度假主题线路产品');

    const sp = fixture('summary-2022-pingtan-xzspj');
    expect(label(labelAt(sp, '横向对接12个部门43个业务系统', '12个'))).toBe('横向对接部门');
    expect(label(labelAt(sp, '横向对接12个部门43个业务系统', '43个'))).toBe('横向对接业务系统');
    expect(label(labelAt(sp, '整合税务、医社保等5个部门的7个事项', '5个'))).toBe('整合部门');
    expect(label(labelAt(sp, '约90万人次享受养老、失业、工伤3项社会保险待遇', '3项'))).toBe('享受社会保险待遇');
    expect(label(labelAt(sp, '向1643家参保单位发放稳岗返还资金447.51万元', '447.51万元'))).toBe('发放稳岗返还资金');
    expect(label(labelAt(sp, '已归集5类行政管理数据2104条', '2104条'))).toBe('归集行政管理数据');
    expect(label(labelAt(sp, '全年累计走访慰问台胞320余人次', '320余人次'))).toBe('走访慰问台胞');
    expect(label(labelAt(sp, '1家担保公司、1家银行顺利上线', '1家'))).toBe('担保公司');
  });

  it('reads 纪检监察 statistics as offices publish them', () => {
    // 中共江西省纪委、江西省监委网站 (jwfz.org.cn/show-29454.html), 2022年上半年全省纪检监察机关监督检查、审查调查情况.
    const jx = '2022年上半年，全省纪检监察机关共接收信访举报27155件，处置问题线索35723件，谈话函询6812件次，立案15472件，处分17004人（其中党纪处分13522人）。处分厅局级干部35人，县处级干部359人，乡科级干部1762人，一般干部4075人，农村、企业等其他人员10773人。';
    expect(label(labelAt(jx, jx, '27155件'))).toBe('接收信访举报');
    expect(label(labelAt(jx, jx, '6812件次'))).toBe('谈话函询');
    expect(label(labelAt(jx, jx, '13522人'))).toBe('党纪处分');
    expect(label(labelAt(jx, jx, '35人'))).toBe('处分厅局级干部');
    expect(label(labelAt(jx, jx, '10773人'))).toBe('其他人员');
    const forms = '2022年上半年，全省纪检监察机关共运用“四种形态”批评教育和处理51044人次。其中，运用第一种形态批评教育帮助33650人次，占总人次的65.9%；运用第二种形态处理13315人次，占26.1%。';
    expect(label(labelAt(forms, forms, '33650人次'))).toBe('运用第一种形态批评教育帮助');
    expect(label(labelAt(forms, forms, '13315人次'))).toBe('运用第二种形态处理');
  });

  it('gives no label to shares, changes and "分别" figures, and says why', () => {
    const sh = fixture('gov-2019-shanghai-bgt');
    expect(label(labelAt(sh, '予以公开及部分公开258件，占33.9%', '33.9%'))).toMatch(/^✗ 这是占比/);
    expect(label(labelAt(sh, '申请数量较去年回落12.3%', '12.3%'))).toMatch(/^✗ 这是增减幅度/);
    const lw = fixture('summary-2022-pingtan-lwtj');
    expect(label(labelAt(lw, '同比增长2.3%', '2.3%'))).toMatch(/^✗ 这是增减幅度/);
    expect(label(labelAt(lw, '分别恢复至疫情前2019年的98.5%', '98.5%'))).toMatch(/^✗ “分别/);
    // 新增 before a counted noun is not a change.
    expect(label(labelAt(lw, '力促全年新增10家优质餐厅', '10家'))).toBe('力促全年新增优质餐厅');
    const sp = fixture('summary-2022-pingtan-xzspj');
    expect(label(labelAt(sp, '100%完成定点医药机构', '100%'))).toMatch(/^✗ 数字前后找不到说明它的文字/);
  });

  it('keeps every label within MAX_LABEL characters, whole words, and never starts inside a quote or bracket', () => {
    for (const name of ['seed', 'gov-2019-pingtan', 'gov-2019-shanghai-bgt', 'gov-2022-pingtan', 'gov-2023-pingtan', 'summary-2022-pingtan-lwtj', 'summary-2022-pingtan-xzspj']) {
      for (const line of fixture(name).split('\n')) {
        const counts = findCounts(line);
        counts.forEach((_, i) => {
          const r = labelForCount(line, counts, i);
          if (!('label' in r)) return;
          expect([...r.label].length, r.label).toBeLessThanOrEqual(MAX_LABEL);
          expect(r.label, line).toMatch(/^[\p{L}\p{N}“‘《（(]/u);
          expect(balanced(r.label), r.label).toBe(true);
          expect(r.label).not.toMatch(/\s/);
        });
      }
    }
  });
});
