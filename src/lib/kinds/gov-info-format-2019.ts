// The first-year layout of 国办公开办函〔2019〕60号 (《中华人民共和国政府信息公开工作年度报告格式（试行）》), in force for
// the reports for 2019 and 2020, as data: where it differs from the 2021 format (gov-info-format.ts). Labels are
// verbatim from real 2019 and 2020 reports (test/fixtures/real/gov-2019-*, gov-2020-pingtan; docs/formats/gov-info-layouts.md).
import type { Axis } from './gov-info-format.ts';

export const LAYOUT_2019 = '2019';
export const LAYOUT_2021 = '2021';
export const LAYOUT_PRE_2019 = 'pre-2019';

/**
 * 二、主动公开政府信息情况 in 2019: other columns per 第二十条 block, and two more blocks' rows. A column whose
 * `id` the 2021 format also has (`issued`, `decisions`) continues into the 2021 metric of the same row
 * (gov-info-registry.ts says which, and where the definition changed).
 */
export const PROACTIVE_BLOCKS_2019: { item: string; columns: Axis[]; rows: Axis[]; unit: string; units?: Record<string, string> }[] = [
  {
    item: '第二十条第（一）项',
    columns: [
      { id: 'issued', path: ['本年新制作数量'] },
      { id: 'new-published', path: ['本年新公开数量'] },
      { id: 'published-total', path: ['对外公开总数量'] },
    ],
    rows: [
      { id: 'regulations', path: ['规章'] },
      { id: 'normative-documents', path: ['规范性文件'] },
    ],
    unit: '件',
  },
  {
    item: '第二十条第（五）项',
    columns: [
      { id: 'items-last-year', path: ['上一年项目数量'] },
      { id: 'items-change', path: ['本年增/减'] },
      { id: 'decisions', path: ['处理决定数量'] },
    ],
    rows: [
      { id: 'licensing', path: ['行政许可'] },
      { id: 'other-services', path: ['其他对外管理服务事项'] },
    ],
    unit: '项',
    units: { decisions: '件' },
  },
  {
    item: '第二十条第（六）项',
    columns: [
      { id: 'items-last-year', path: ['上一年项目数量'] },
      { id: 'items-change', path: ['本年增/减'] },
      { id: 'decisions', path: ['处理决定数量'] },
    ],
    rows: [
      { id: 'penalty', path: ['行政处罚'] },
      { id: 'enforcement', path: ['行政强制'] },
    ],
    unit: '项',
    units: { decisions: '件' },
  },
  {
    item: '第二十条第（八）项',
    columns: [
      { id: 'items-last-year', path: ['上一年项目数量'] },
      { id: 'items-change', path: ['本年增/减'] },
    ],
    rows: [{ id: 'fees', path: ['行政事业性收费'] }],
    unit: '项',
  },
  {
    item: '第二十条第（九）项',
    columns: [
      { id: 'projects', path: ['采购项目数量'] },
      { id: 'amount', path: ['采购总金额'] },
    ],
    rows: [{ id: 'procurement', path: ['政府集中采购'] }],
    unit: '项',
    // Offices write the amount with its unit in the cell: “75394432.52元”.
    units: { amount: '元' },
  },
];

/** The 2019 table 1 columns whose figures can be below zero (metrics with `signed: true`). */
export const PROACTIVE_SIGNED_2019 = new Set(['items-change']);

/** 三、本年度办理结果 （六）其他处理: one row in 2019, where 2021 has three. */
export const OTHERWISE_2019: Axis = { id: 'requests-otherwise', path: ['三、本年度办理结果', '（六）其他处理'] };
