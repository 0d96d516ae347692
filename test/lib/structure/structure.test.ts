// Items in every form offices write them, at the depth they occur, with stable anchors (DESIGN.md
// "Body conventions"). The texts are from real published reports (test/fixtures/real/README.md) unless noted.
import { describe, expect, it } from 'vitest';
import { buildStructure, citationsOf, itemTree, items, itemsOfKind, numberedRuns, type Block, type InlineItem } from '../../../src/lib/structure/structure.ts';

const P = (text: string, stats?: string[]): Block => ({ type: 'paragraph', text, stats });
const H = (text: string): Block => ({ type: 'heading', text });
const H3 = (text: string): Block => ({ type: 'heading', depth: 3, text });
const L = (text: string): Block => ({ type: 'list', text });

const rows = (blocks: Block[]) => items(buildStructure(blocks).structure).map((i) => `${i.id} ${i.item.form} ${i.item.kind} ${i.item.title}`);

describe('the sample: 一是 paragraphs', () => {
  const blocks = [
    P('2022年……现将有关情况汇报如下：'),
    H('一、履行主体责任情况'),
    P('一是认真落实。开展**次。', ['party-education-sessions']),
    P('二是加强宣传。'),
    H('二、存在的主要问题及原因'),
    P('一是学习有待加强。'),
    P('二是落实不够。'),
    P('深入剖析这些问题产生的原因，主要有以下几个方面：'),
    P('一是政治建设不够深入。'),
    P('二是理论武装不够系统。'),
    H('三、下一步工作思路和主要措施'),
    P('2023年将继续……'),
    P('一是提高思想认识。'),
  ];
  const { structure, ids } = buildStructure(blocks);

  it('gives every block a unique, readable anchor, as before', () => {
    expect(ids).toEqual(['p1', 's1', 's1-1', 's1-2', 's2', 's2-1', 's2-2', 's2-p1', 's2-c1', 's2-c2', 's3', 's3-p1', 's3-1']);
  });

  it('classifies items after the causes paragraph as causes, and that paragraph too', () => {
    expect(items(structure).map((i) => `${i.id}:${i.item.kind}:${i.item.form}:${i.item.depth}`)).toEqual([
      's1-1:work:yishi:1',
      's1-2:work:yishi:1',
      's2-1:problems:yishi:1',
      's2-2:problems:yishi:1',
      's2-c1:causes:yishi:1',
      's2-c2:causes:yishi:1',
      's3-1:measures:yishi:1',
    ]);
    expect(structure.sections[1]?.paragraphs.find((p) => p.id === 's2-p1')?.kind).toBe('causes');
  });

  it('keeps the intro and the cited metrics', () => {
    expect(structure.intro.map((p) => p.id)).toEqual(['p1']);
    expect(structure.sections[0]?.paragraphs[0]?.stats).toEqual(['party-education-sessions']);
  });

  it('keeps anchors stable when a paragraph is added elsewhere', () => {
    const edited = buildStructure([P('新增前言。'), ...blocks]).ids;
    expect(edited.filter((id) => id.startsWith('s'))).toEqual(ids.filter((id) => id.startsWith('s')));
  });

  it('gives a repeated number a letter instead of a duplicate id', () => {
    expect(buildStructure([H('一、工作情况'), P('一是甲。'), P('一是乙。'), P('一是丙。')]).ids).toEqual(['s1', 's1-1', 's1-1b', 's1-1c']);
  });
});

describe('（一）sub-headings', () => {
  // 平潭综合实验区2023年度政府信息公开工作年度报告, 一、总体情况.
  const blocks = [
    H('一、总体情况'),
    P('2023年，平潭综合实验区坚持以习近平新时代中国特色社会主义思想为指导……积极助力实验区经济社会发展。'),
    H3('（一）主动公开方面'),
    P('平潭综合实验区切实落实……2023年全区共主动公开政府信息13561条。一是做好规范性文件公开。按照省政府办公厅相关工作要求设立规范性文件库……。二是加强政策文件解读，聚焦企业和群众关心事项，全年发布政策解读117篇。三是开展门户网站在线访谈，主动回应社会关切。', ['proactive-items']),
    H3('（二）依申请公开方面'),
    P('持续强化服务理念，严格按照《条例》要求……进一步提高答复质量和群众满意度。'),
    H3('（三）政府信息管理方面'),
    P('一是健全信息发布平台管理机制。'),
    P('二是规范信息发布全流程。'),
  ];
  const { structure, ids } = buildStructure(blocks);

  it('each is an item; what follows up to the next one is its body; 一是 under it nest under it', () => {
    expect(rows(blocks)).toEqual([
      's1-1 paren-heading work （一）主动公开方面',
      's1-1-1 inline work 一是做好规范性文件公开。',
      's1-1-2 inline work 二是加强政策文件解读，聚焦企业和群众关心事项，全年发布政策解读117篇。',
      's1-1-3 inline work 三是开展门户网站在线访谈，主动回应社会关切。',
      's1-2 paren-heading work （二）依申请公开方面',
      's1-3 paren-heading work （三）政府信息管理方面',
      's1-3-1 yishi work 一是健全信息发布平台管理机制。',
      's1-3-2 yishi work 二是规范信息发布全流程。',
    ]);
    expect(ids).toEqual(['s1', 's1-p1', 's1-1', 's1-p2', 's1-2', 's1-p3', 's1-3', 's1-3-1', 's1-3-2']);
    const nested = items(structure).filter((i) => i.item.depth === 2);
    expect(new Set(nested.map((i) => i.item.parent))).toEqual(new Set(['s1-1', 's1-3']));
  });

  it('the sub-heading item’s text is its heading and body, without the items nested in it', () => {
    const first = items(structure)[0];
    expect(first?.text).toBe('（一）主动公开方面\n平潭综合实验区切实落实……2023年全区共主动公开政府信息13561条。');
    expect(items(structure).find((i) => i.id === 's1-2')?.text).toBe('（二）依申请公开方面\n持续强化服务理念，严格按照《条例》要求……进一步提高答复质量和群众满意度。');
  });

  it('the contents tree holds the nested items under their item', () => {
    const tree = itemTree(structure.sections[0]!);
    expect(tree.map((n) => [n.id, n.children.map((c) => c.id)])).toEqual([
      ['s1-1', ['s1-1-1', 's1-1-2', 's1-1-3']],
      ['s1-2', []],
      ['s1-3', ['s1-3-1', 's1-3-2']],
    ]);
  });

  it('nested anchors stay when an item is added to another sub-heading', () => {
    const edited = [...blocks.slice(0, 6), P('一是新增的一条。'), ...blocks.slice(6)];
    const before = items(structure).map((i) => i.id);
    const after = items(buildStructure(edited).structure).map((i) => i.id);
    expect(after.filter((id) => id !== 's1-2-1')).toEqual(before);
  });

  it('a heading of the same level closes the item; a deeper one does not', () => {
    const r = buildStructure([H('一、总体情况'), H3('（一）主动公开方面'), { type: 'heading', depth: 4, text: '规范性文件' }, P('一是做好规范性文件公开。'), H3('其他工作'), P('一是做好……')]);
    expect(items(r.structure).map((i) => `${i.id}:${i.item.depth}`)).toEqual(['s1-1:1', 's1-1-1:2', 's1-1b:1']);
  });
});

describe('（一）run-in titles, full-width or ASCII', () => {
  // 平潭综合实验区行政审批局2022年工作总结及2023年工作计划, 一、主要成效.
  const blocks = [
    H('一、主要成效'),
    P('（一）政务服务综合能力显著提升。一是聚焦满意度，服务模式由被动转向主动。采取OSM标准化服务管理模式……。二是聚焦集成度，服务供给由单一转向链条。抓整合……。三是聚焦便利度，服务效能由能办升级好办。'),
    P('(二)营商环境优化工作持续发力。一是建立数字化常态监测机制。实行每季度动态监测……。二是开展营商环境专项治理行动。'),
    P('（七）档案工作创新改革见行见效。以《平潭综合实验区档案工作创新改革实施方案》为基本遵循，大力推动“档案+大数据”改革。'),
  ];
  const { structure } = buildStructure(blocks);

  it('are items; their title is the first sentence; the 一是 after it are items nested in them', () => {
    expect(rows(blocks)).toEqual([
      's1-1 paren-runin work （一）政务服务综合能力显著提升。',
      's1-1-1 inline work 一是聚焦满意度，服务模式由被动转向主动。',
      's1-1-2 inline work 二是聚焦集成度，服务供给由单一转向链条。',
      's1-1-3 inline work 三是聚焦便利度，服务效能由能办升级好办。',
      's1-2 paren-runin work (二)营商环境优化工作持续发力。',
      's1-2-1 inline work 一是建立数字化常态监测机制。',
      's1-2-2 inline work 二是开展营商环境专项治理行动。',
      's1-7 paren-runin work （七）档案工作创新改革见行见效。',
    ]);
  });

  it('the paragraph keeps the item’s anchor; the nested items are spans inside it that cover the text exactly', () => {
    const p = structure.sections[0]!.paragraphs[0]!;
    expect(p.id).toBe('s1-1');
    const raw = blocks[1]!.text;
    const spans = p.inline as InlineItem[];
    expect(spans.map((x) => raw.slice(x.start, x.end))).toEqual(spans.map((x) => x.text));
    expect(raw.slice(0, spans[0]!.start) + spans.map((x) => raw.slice(x.start, x.end)).join('')).toBe(raw);
  });
});

describe('several 一是……二是…… in one paragraph', () => {
  it('each is an item of its own, after a lead-in that stays the paragraph’s', () => {
    const text = '针对存在问题，下一步，将切实抓好以下工作：一是加大政务公开检查力度。二是提升政务公开内容质量。加大重点领域公开信息整合归类力度。三是拓宽政民互动渠道。';
    const { structure, ids } = buildStructure([H('三、下一步工作打算'), P(text)]);
    expect(ids).toEqual(['s1', 's1-p1']);
    const p = structure.sections[0]!.paragraphs[0]!;
    expect(p.inline?.map((x) => [x.id, x.item.title, text.slice(x.start, x.end)])).toEqual([
      ['s1-1', '一是加大政务公开检查力度。', '一是加大政务公开检查力度。'],
      ['s1-2', '二是提升政务公开内容质量。', '二是提升政务公开内容质量。加大重点领域公开信息整合归类力度。'],
      ['s1-3', '三是拓宽政民互动渠道。', '三是拓宽政民互动渠道。'],
    ]);
    expect(p.text).toBe(text);
  });

  it('a paragraph that starts with 一是 and holds 二是 is inline items throughout (gov-2022-pingtan)', () => {
    const text = '一是畅通依申请公开渠道，推动全区政务公开单位动态更新政府信息公开指南，提高答复时效性。二是规范依申请受理答复流程。坚持依法答复……。2022年，全区收到政府信息公开申请75件。';
    const r = buildStructure([H('一、总体情况'), H3('（二）依申请公开方面'), P(text, ['requests-received'])]);
    expect(rows([H('一、总体情况'), H3('（二）依申请公开方面'), P(text)])).toEqual([
      's1-2 paren-heading work （二）依申请公开方面',
      's1-2-1 inline work 一是畅通依申请公开渠道，推动全区政务公开单位动态更新政府信息公开指南，提高答复时效性。',
      's1-2-2 inline work 二是规范依申请受理答复流程。',
    ]);
    expect(r.ids).toEqual(['s1', 's1-2', 's1-p1']);
  });

  it('titles of inline items end at the first 。, ； or ：', () => {
    const text = '存在的问题主要有以下几个方面：一是部分单位信息发布属性界定还不够精确，部分栏目存在信息噪音；三是开拓创新不够有力，实验区政务公开工作特色打造、亮点挖掘还不够；三是政策解读的质量有待提高，形式还要更加多样、更加“接地气”。';
    expect(rows([H('二、存在问题'), P(text)])).toEqual([
      's1-1 inline problems 一是部分单位信息发布属性界定还不够精确，部分栏目存在信息噪音；',
      's1-3 inline problems 三是开拓创新不够有力，实验区政务公开工作特色打造、亮点挖掘还不够；',
      // The report writes 三是 twice (a typo in the source): both are items, the second with a letter.
      's1-3b inline problems 三是政策解读的质量有待提高，形式还要更加多样、更加“接地气”。',
    ]);
  });

  it('a word that ends in 一是 is not an item: 统一是, 唯一是 (written for the test)', () => {
    expect(rows([H('一、工作情况'), P('做到标准统一是关键，唯一是指唯一标识。全年开展检查12次。')])).toEqual([]);
  });

  it('a lone 一是 inside a paragraph is an item only where a list starts: after ：, or when 二是 follows', () => {
    expect(rows([H('一、工作情况'), P('主要做法：一是加强学习。')])).toEqual(['s1-1 inline work 一是加强学习。']);
    expect(rows([H('一、工作情况'), P('全年共开展活动20次，一是形式多样。')])).toEqual([]);
    expect(rows([H('一、工作情况'), P('全年开展以下工作。一是加强学习。'), P('二是强化监督。')])).toEqual(['s1-1 inline work 一是加强学习。', 's1-2 yishi work 二是强化监督。']);
  });

  it('cites a figure from the inline item that holds it', () => {
    const text = '四是强化基层政务公开，公开信息1654条。五是探索开设特色内容。';
    const r = buildStructure([H('一、总体情况'), { type: 'paragraph', text, stats: ['grassroots-items'], statOffsets: [{ id: 'grassroots-items', offset: text.indexOf('1654') }] }]);
    expect(citationsOf(r.structure, 'grassroots-items')).toEqual([{ id: 's1-4', text: '四是强化基层政务公开，公开信息1654条。', at: 'item' }]);
    expect(items(r.structure).find((i) => i.id === 's1-5')?.stats).toEqual([]);
  });
});

describe('sub-points 1./1．/（1）/① stay with their item', () => {
  it('a list after a 一是 item is part of it, not an item', () => {
    const blocks = [H('一、总体情况'), H3('（五）监督保障方面'), P('二是抓牢监督检查。'), L('结合工作考核机制进行抽查通报。\n定期开展“回头看”活动。'), P('三是落实社会评议和责任追究制度。')];
    const { structure, ids } = buildStructure(blocks);
    expect(ids).toEqual(['s1', 's1-5', 's1-5-2', '', 's1-5-3']);
    const two = items(structure).find((i) => i.id === 's1-5-2');
    expect(two?.text).toBe('二是抓牢监督检查。\n结合工作考核机制进行抽查通报。\n定期开展“回头看”活动。');
    expect(items(structure)).toHaveLength(3);
  });

  it('1.–（1）paragraphs under a （一）are its body; the 一是 inside them are items whose anchors carry the sub-point’s number', () => {
    // 平潭综合实验区2019年政府信息公开工作年度报告, （二）主要做法 (shortened).
    const blocks = [
      H('一、总体情况'),
      H3('（二）主要做法'),
      P('1.加强组织领导，健全工作机制'),
      P('将政府信息公开工作列入议事日程……'),
      P('2.把握工作重点，扎实推进信息公开'),
      P('（1）加强政策解读信息公开。充分利用政府网站……'),
      P('（4）推进教育和医疗卫生信息公开。区社会事业局在机构改革实施后，及时整合机构并推进教育和医疗卫生信息公开。一是积极推进教育领域信息公开，全年共发布133条。二是深化医疗卫生领域信息公开，全年公开信息106条。'),
      P('3.创新公开形式，拓展公开范围'),
    ];
    const { structure } = buildStructure(blocks);
    expect(rows(blocks)).toEqual([
      's1-2 paren-heading work （二）主要做法',
      's1-2-2-4-1 inline work 一是积极推进教育领域信息公开，全年共发布133条。',
      's1-2-2-4-2 inline work 二是深化医疗卫生领域信息公开，全年公开信息106条。',
    ]);
    const paras = structure.sections[0]!.paragraphs;
    expect(paras.filter((p) => p.of === 's1-2').map((p) => p.id)).toEqual(['s1-p1', 's1-p2', 's1-p3', 's1-p4', 's1-p5', 's1-p6']);
    expect(items(structure)[0]?.text).toContain('1.加强组织领导，健全工作机制\n将政府信息公开工作列入议事日程……\n2.把握工作重点');
  });

  it('sub-points restarting their 一是 in each point give each point its own anchors (xzspj, 三、2023年工作计划)', () => {
    const blocks = [
      H('三、2023年工作计划'),
      H3('（三）重点工作'),
      P('1.党建引领，塑造审批系统文化。一方面，推动党支部设置更加精准化、合理化。'),
      P('2.优化机制，加大整合融合力度。一是固化扁平化、穿透式的管理模式。二是进一步优化内设机构职能。'),
      P('3.数字赋能，引领改革创新发展。一是实施“档案+大数据”改革，提升政务服务效率。二是打通村居信息化“最后一百米”。'),
    ];
    expect(rows(blocks)).toEqual([
      's1-3 paren-heading measures （三）重点工作',
      's1-3-2-1 inline measures 一是固化扁平化、穿透式的管理模式。',
      's1-3-2-2 inline measures 二是进一步优化内设机构职能。',
      's1-3-3-1 inline measures 一是实施“档案+大数据”改革，提升政务服务效率。',
      's1-3-3-2 inline measures 二是打通村居信息化“最后一百米”。',
    ]);
    expect(numberedRuns(buildStructure(blocks).structure).map((run) => run.map((i) => i.id))).toEqual([['s1-3'], ['s1-3-2-1', 's1-3-2-2'], ['s1-3-3-1', 's1-3-3-2']]);
  });

  it('（1）after a 一是 paragraph is that item’s sub-point', () => {
    const { structure } = buildStructure([H('三、下一步工作措施'), P('一是加强学习。'), P('（1）集中学习。'), P('（2）个人自学。'), P('二是强化监督。')]);
    expect(items(structure).map((i) => [i.id, i.text])).toEqual([
      ['s1-1', '一是加强学习。\n（1）集中学习。\n（2）个人自学。'],
      ['s1-2', '二是强化监督。'],
    ]);
  });
});

describe('a section that holds problems and then measures', () => {
  it('measures begin at a paragraph that is no item and says 将/改进/下一步 (gov-2023-pingtan)', () => {
    const blocks = [
      H('五、存在的主要问题及改进情况'),
      P('存在的问题主要有以下几个方面：一是部分单位信息发布属性界定还不够精确；二是开拓创新不够有力。'),
      P('2024年，我区将采取以下措施加以改进：'),
      P('一是加大政务公开检查力度，每月对政务公开情况进行巡检通报。二是提升政务公开内容质量。'),
    ];
    const { structure, ids } = buildStructure(blocks);
    expect(structure.sections[0]?.kind).toBe('problems-then-measures');
    expect(ids).toEqual(['s1', 's1-p1', 's1-p2', 's1-p3']);
    expect(items(structure).map((i) => `${i.id}:${i.item.kind}`)).toEqual(['s1-1:problems', 's1-2:problems', 's1-m1:measures', 's1-m2:measures']);
    expect(structure.sections[0]?.paragraphs.map((p) => p.kind)).toEqual(['problems', 'measures', 'measures']);
  });

  it('… or at a closing “以下……：” sentence in the problems paragraph (gov-2019-pingtan)', () => {
    const blocks = [
      H('五、存在的主要问题及改进情况'),
      P('2019年，我区政府信息公开工作取得了明显进展，但仍存在一些不足和薄弱环节。一是个别部门主动性和自觉性仍待提高；二是流动性较大；三是公开的长效工作机制建设不够“全”。虽然制定了相关制度，但仍然有待完善。2020年，我们将采取以下措施加以改进：'),
      P('（一）继续强化信息公开责任。切实贯彻落实新修订《中华人民共和国政府信息公开条例》……'),
      P('（二）继续完善信息公开机制。不断完善……'),
    ];
    const { structure } = buildStructure(blocks);
    expect(rows(blocks)).toEqual([
      's1-1 inline problems 一是个别部门主动性和自觉性仍待提高；',
      's1-2 inline problems 二是流动性较大；',
      's1-3 inline problems 三是公开的长效工作机制建设不够“全”。',
      's1-m1 paren-runin measures （一）继续强化信息公开责任。',
      's1-m2 paren-runin measures （二）继续完善信息公开机制。',
    ]);
    // The closing sentence announces the measures; it is not part of problem 三.
    const three = structure.sections[0]!.paragraphs[0]!.inline![2]!;
    expect(three.text).toBe('三是公开的长效工作机制建设不够“全”。虽然制定了相关制度，但仍然有待完善。');
  });

  it('… or at a （二）sub-heading that names measures (gov-2019-shanghai-bgt)', () => {
    const blocks = [H('五、政府信息公开工作存在的主要问题及改进情况'), H3('（一）主要问题'), P('一是新《条例》实施后，专业领域的理论学习仍需加强；二是决策公开仍需进一步加强。'), H3('（二）改进措施'), P('一是深入做好《条例》的贯彻落实。抓紧修订……。二是进一步深化解读回应。')];
    expect(rows(blocks)).toEqual([
      's1-1 paren-heading problems （一）主要问题',
      's1-1-1 inline problems 一是新《条例》实施后，专业领域的理论学习仍需加强；',
      's1-1-2 inline problems 二是决策公开仍需进一步加强。',
      's1-m2 paren-heading measures （二）改进措施',
      's1-m2-1 inline measures 一是深入做好《条例》的贯彻落实。',
      's1-m2-2 inline measures 二是进一步深化解读回应。',
    ]);
  });

  it('“下一步将……” inside a problem item does not turn the following problems into measures (written for the test)', () => {
    const blocks = [H('五、存在的问题和下一步打算'), P('一是信息公开不够及时。下一步将建立信息发布时限制度。'), P('二是政策解读形式单一。下一步将丰富解读形式。'), P('下一步，我们将重点做好以下工作：'), P('一是加强培训。')];
    expect(items(buildStructure(blocks).structure).map((i) => `${i.id}:${i.item.kind}`)).toEqual(['s1-1:problems', 's1-2:problems', 's1-m1:measures']);
  });

  it('an explicit frontmatter kind wins: problems only', () => {
    const blocks = [H('五、存在的主要问题及改进情况'), P('一是甲。'), P('2024年，我区将采取以下措施加以改进：'), P('一是乙。')];
    expect(itemsOfKind(buildStructure(blocks, { sections: { 五: 'problems' } }).structure, 'measures')).toEqual([]);
  });
});

describe('causes and kinds from sub-headings', () => {
  it('a （二）sub-heading that mentions 原因 heads causes (written for the test)', () => {
    const blocks = [H('二、存在的问题及原因'), H3('（一）存在的问题'), P('一是学习不够深入。'), H3('（二）问题产生的原因'), P('一是思想认识不到位。')];
    expect(rows(blocks)).toEqual([
      's1-1 paren-heading problems （一）存在的问题',
      's1-1-1 yishi problems 一是学习不够深入。',
      's1-c2 paren-heading causes （二）问题产生的原因',
      's1-c2-1 yishi causes 一是思想认识不到位。',
    ]);
  });

  it('in a work section only a plain “存在的问题” / “下一步打算” sub-heading changes the kind', () => {
    const blocks = [H('一、2024年工作总结'), P('（一）加强信访举报和问题线索处置。一是畅通渠道。'), P('（二）存在的问题。一是学习不够。'), P('（三）下一步打算。一是加强学习。')];
    expect(items(buildStructure(blocks).structure).map((i) => `${i.id}:${i.item.kind}`)).toEqual(['s1-1:work', 's1-1-1:work', 's1-2:problems', 's1-2-1:problems', 's1-m3:measures', 's1-m3-1:measures']);
  });
});

describe('tables and other blocks', () => {
  it('a table is a block of its section with its own anchor, belonging to the open item', () => {
    const blocks: Block[] = [H('二、主动公开政府信息情况'), { type: 'table', text: '信息内容　本年制发件数\n规章　0', stats: ['rules-issued'] }, H('三、工作措施'), P('一是加强学习。'), { type: 'table', text: '甲　乙' }, P('二是强化监督。')];
    const { structure, ids } = buildStructure(blocks);
    expect(ids).toEqual(['s1', 's1-t1', 's2', 's2-1', 's2-t1', 's2-2']);
    expect(structure.sections[1]?.paragraphs[1]).toMatchObject({ block: 'table', of: 's2-1', kind: 'measures' });
    expect(citationsOf(structure, 'rules-issued')).toEqual([{ id: 's1-t1', text: '信息内容　本年制发件数\n规章　0', at: 'table' }]);
  });

  it('skips blocks it does not know, and a list with nothing before it is a block of its own', () => {
    const { ids } = buildStructure([H('一、情况'), { type: 'other', text: '' }, L('甲\n乙'), P('一是丙。')]);
    expect(ids).toEqual(['s1', '', 's1-p1', 's1-1']);
  });
});
