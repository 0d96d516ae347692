// The build's compile of a report as Astro runs it: Sätteri, handed the neutralised source, with the
// report's steps (src/markdown/pipeline.ts). What comes out is the module every page of the report imports.
import { describe, expect, it } from 'vitest';
import { reportProcessor, singleInputs, type PipelineInputs } from '../../src/markdown/pipeline.ts';
import { makeRegistry, metricSchema } from '../../src/lib/content/metrics.ts';
import { DEFAULT_SECTION_WORDS } from '../../src/lib/structure/section-kinds.ts';
import type { Edition } from '../../src/lib/content/edition.ts';

const registry = makeRegistry([metricSchema.parse({ id: 'meetings', label: '会议', unit: '次', public: true }), metricSchema.parse({ id: 'cases', label: '案件', unit: '件' })]);

async function compile(body: string, edition: Edition = 'public'): Promise<{ code: string }> {
  const inputs: PipelineInputs = { edition, registry, sectionWords: DEFAULT_SECTION_WORDS };
  const processor = reportProcessor(singleInputs(inputs));
  const renderer = (await processor.createMdxRenderer!({ syntaxHighlight: false } as never, { optimize: false, srcDir: new URL('file:///tmp/'), sourcemap: false } as never)) as unknown as {
    process(content: string, file: string, frontmatter: Record<string, unknown>): Promise<{ code: string }>;
  };
  return renderer.process(body, '/tmp/reports/2022.mdx', { year: 2022, stats: { meetings: 3, cases: 4817 } });
}

describe('the compiled report', () => {
  it('keeps tildes, task-list brackets, URLs and escaped tags as the words written', async () => {
    const { code } = await compile('## 一、情况\n\n一是1~3月至5~6月开会<Stat id="meetings" />次，增长~~10%~~。\n\n- [ ] 待办\n\n详见 https://example.com/\\<img src=x onerror=alert(1)> 和 a@example.com。\n');
    expect(code).toContain('1~3月至5~6月开会');
    expect(code).toContain('增长~~10%~~。');
    expect(code).toContain('[ ] 待办');
    expect(code).toContain('https://example.com/<img src=x onerror=alert(1)> 和 a@example.com。');
    for (const tag of ['del', 'input', 'img', 'a']) expect(code).not.toMatch(new RegExp(`_components\\.${tag}\\b|"${tag}"`));
    expect(code).not.toMatch(/[\u2e00-\u2e7f]/);
  });

  it('reads a file saved with a byte-order mark the same (Sätteri drops the mark before the plugins run)', async () => {
    const { code } = await compile('\uFEFF一是1~3月开会，网址 https://www.example.gov.cn/xxgk，信箱 a@b.cn，[门户](https://www.gov.cn/~a)。\n\n- [ ] 待办\n');
    expect(code).toContain('一是1~3月开会，网址 https://www.example.gov.cn/xxgk，信箱 a@b.cn，');
    expect(code).toContain('https://www.gov.cn/~a');
    expect(code).toContain('[ ] 待办');
    expect(code).not.toMatch(/[\u2e00-\u2e7f]/);
  });

  it('carries this edition’s text only: a hidden figure and redacted words never reach the module', async () => {
    const body = '一是办案<Stat id="cases" />件，查处<Redact>王某某</Redact>，召开会议<Stat id="meetings" />次。\n';
    const pub = (await compile(body, 'public')).code;
    expect(pub).not.toContain('4817');
    expect(pub).not.toContain('王某某');
    expect(pub).toContain('■■■');
    const internal = (await compile(body, 'internal')).code;
    expect(internal).toContain('4817');
    expect(internal).toContain('王某某');
  });

  it('stops with the place and the parser’s words when the text is not the dialect', async () => {
    await expect(compile('第一行~\n\n<span>未闭合\n')).rejects.toThrow(/^3:1: .*span/);
  });
});
