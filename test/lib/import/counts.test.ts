import { describe, expect, it } from 'vitest';
import { findCounts } from '../../../src/lib/import/counts.ts';

const found = (text: string, units: string[] = []) => findCounts(text, units).map((c) => `${c.written}|${c.unit}|${JSON.stringify(c.value)}`);

describe('counts in prose', () => {
  it('finds a number, a mask or a lower bound with its unit', () => {
    expect(found('召开集体廉政谈话会3次')).toEqual(['3|次|{"kind":"exact","value":3}']);
    expect(found('受理来信来访*件次')).toEqual(['*|件次|{"kind":"masked","digits":1,"atLeast":false}']);
    expect(found('典型案例**余次')).toEqual(['**|次|{"kind":"masked","digits":2,"atLeast":false}'.replace('**|', '**余|').replace('false}', 'true}')]);
    expect(found('培训30余人')).toEqual(['30余|人|{"kind":"atLeast","value":30}']);
    expect(found('培训30多人')).toEqual(['30多|人|{"kind":"atLeast","value":30}']);
    expect(found('解决问题***件')).toEqual(['***|件|{"kind":"masked","digits":3,"atLeast":false}']);
    expect(found('投入3.5万元')).toEqual(['3.5|万元|{"kind":"exact","value":3.5}']);
    expect(found('办结率98%')).toEqual(['98|%|{"kind":"exact","value":98}']);
  });

  it('keeps the longest unit: 件次 not 件, 人次 not 人', () => {
    expect(found('查结*件次，培训120人次').map((s) => s.split('|')[1])).toEqual(['件次', '人次']);
  });

  it('allows spaces between the number and its unit', () => {
    const [c] = findCounts('开展检查 3 次');
    expect(c).toMatchObject({ written: '3', unit: '次' });
  });

  it('leaves masked dates, names, years, ordinals and durations alone', () => {
    expect(found('2022年* 月**日召开会议')).toEqual([]);
    expect(found('**市委第六巡察组于*月**日至*月**日')).toEqual([]);
    expect(found('《**经济开发区2022年党风廉政建设方案》')).toEqual([]);
    expect(found('2022 年在节假日')).toEqual([]);
    expect(found('第3次会议')).toEqual([]);
    expect(found('用时3个月')).toEqual([]);
    expect(found('QQ3群')).toEqual([]);
    expect(found('编号03次')).toEqual([]);
  });

  it('finds every count in a sentence, in order, with where each ends', () => {
    const text = '受理来信来访*件次，查结*件次，正在办理*件次；责令检查*人';
    const counts = findCounts(text);
    expect(counts.map((c) => text.slice(c.start, c.unitEnd))).toEqual(['*件次', '*件次', '*件次', '*人']);
  });

  it('accepts the registry’s own units', () => {
    expect(found('开展警示教育2场次')).toEqual(['2|场次|{"kind":"exact","value":2}']);
    expect(found('开展活动2回')).toEqual([]);
    expect(found('开展活动2回', ['回'])).toEqual(['2|回|{"kind":"exact","value":2}']);
  });
});
