import { describe, expect, it } from 'vitest';
import { baseId, FALLBACK_ID, MAX_ID, metricId } from '../../../src/lib/import/metric-id.ts';
import { METRIC_ID, metricSchema } from '../../../src/lib/content/metrics.ts';

const none = new Set<string>();

describe('metric ids from labels', () => {
  it('writes toneless pinyin, one part per word, four-character words in pairs', () => {
    expect(metricId('受理来信来访', none)).toBe('shouli-laixin-laifang');
    expect(metricId('主动公开政府信息', none)).toBe('zhudong-gongkai-zhengfu-xinxi');
    expect(metricId('行政复议案件', none)).toBe('xingzheng-fuyi-anjian');
    expect(metricId('开除党籍', none)).toBe('kaichu-dangji');
    expect(metricId('集体廉政谈话会', none)).toBe('jiti-lianzheng-tanhuahui');
  });

  it('reads a character by the word it stands in, and writes ü as v', () => {
    expect(metricId('银行', none)).toBe('yinhang');
    expect(metricId('重庆市绿色发展', none)).toBe('chongqingshi-lvse-fazhan');
    expect(metricId('女性干部', none)).toBe('nvxing-ganbu');
  });

  it('drops punctuation and keeps digits and Latin letters, lower-cased, full-width ones too', () => {
    expect(metricId('“三公”经费', none)).toBe('sangong-jingfei');
    expect(metricId('党风廉政（扩大）会议', none)).toBe('dangfeng-lianzheng-kuoda-huiyi');
    expect(metricId('12345热线话务量', none)).toBe('12345-rexian-huawuliang');
    expect(metricId('ISO认证', none)).toBe('iso-renzheng');
    expect(metricId('Ｗｉ－Ｆｉ覆盖', none)).toBe('wi-fi-fugai');
  });

  it('shortens a long label to MAX_ID characters, keeping its first words and its last', () => {
    expect(metricId('党风廉政建设专题会议', none)).toBe('dangfeng-lianzheng-jianshe-huiyi');
    const long = metricId('因政府信息公开引起的行政复议案件', none);
    expect(long.length).toBeLessThanOrEqual(MAX_ID);
    expect(long).toMatch(/^yin-zhengfu-.*-anjian$/);
    expect(metricId('abcdefghijklmnopqrstuvwxyzabcdefghijkl', none)).toBe('abcdefghijklmnopqrstuvwxyzabcdef');
  });

  it('gives a label without letters the fallback id', () => {
    expect(metricId('……', none)).toBe(FALLBACK_ID);
    expect(metricId('！？、', none)).toBe(FALLBACK_ID);
    expect(metricId('', none)).toBe(FALLBACK_ID);
  });

  it('is unique against the ids taken: -2, -3 …, still within MAX_ID', () => {
    expect(metricId('开除党籍', new Set(['kaichu-dangji']))).toBe('kaichu-dangji-2');
    expect(metricId('开除党籍', new Set(['kaichu-dangji', 'kaichu-dangji-2']))).toBe('kaichu-dangji-3');
    const base = baseId('党风廉政建设专题会议');
    const second = metricId('党风廉政建设专题会议', new Set([base]));
    expect(second).not.toBe(base);
    expect(second.length).toBeLessThanOrEqual(MAX_ID);
    expect(second).toMatch(/-2$/);
    expect(metricId('……', new Set([FALLBACK_ID]))).toBe(`${FALLBACK_ID}-2`);
  });

  it('gives the same label the same id every time, and ids the registry accepts', () => {
    const labels = ['党风廉政建设专题会议', '“小微权力”监督检查', '第一种形态批评教育帮助', 'e拍即得', '12345热线话务量', '……'];
    for (const l of labels) {
      const id = metricId(l, none);
      expect(metricId(l, none)).toBe(id);
      expect(id).toMatch(METRIC_ID);
      expect(metricSchema.safeParse({ id, label: l === '……' ? '指标' : l }).success).toBe(true);
    }
  });
});
