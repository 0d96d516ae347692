// `npm run demo`: the sample sites it builds side by side under one server, and the landing page linking them.
// Each sample is an ordinary content folder built with its own NIANBAO_BASE; adding one is one entry here.
import { escapeHtml } from './search/excerpt.ts';
import { normaliseBase } from './paths.ts';
import { CONTENT_SECURITY_POLICY } from './csp.ts';

export interface DemoSite {
  /** Folder name under the demo's output, and the path it is served under (/<id>/). */
  id: string;
  /** Content folder, relative to the project root. Its site.yaml names the kind the landing page shows. */
  content: string;
}

export const DEMO_SITES: DemoSite[] = [
  { id: 'demo', content: 'examples/demo' },
  { id: 'gov-info', content: 'examples/gov-info-disclosure' },
  // A portal: a fictional county's offices side by side, with a few planted problems for /review/.
  { id: 'county', content: 'examples/county' },
];

/** Where a demo site is served: /demo/, /gov-info/. */
export function demoBase(site: Pick<DemoSite, 'id'>): string {
  return normaliseBase(site.id);
}

/** "2014—2024年，10 份报告（缺 2019 年）": the years a site holds, gaps named. */
export function yearsSummary(years: number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  if (sorted.length === 0) return '还没有报告';
  const first = sorted[0] as number;
  const last = sorted.at(-1) as number;
  const span = first === last ? `${first}年` : `${first}—${last}年`;
  const have = new Set(sorted);
  const missing: number[] = [];
  for (let y = first; y <= last; y++) if (!have.has(y)) missing.push(y);
  return `${span}，${sorted.length} 份报告${missing.length ? `（缺 ${missing.join('、')} 年）` : ''}`;
}

export interface LandingSite {
  href: string;
  kindName: string;
  title: string;
  organization: string;
  description?: string;
  years: number[];
}

// The sites' own system-font stack (src/styles/global.css): nothing is fetched from outside.
export const LANDING_CSS = `body { margin: 0; font-family: "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "微软雅黑", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", system-ui, sans-serif; color: #1f2328; background: #f5f6f8; line-height: 1.75; }
.sample-notice { margin: 0; padding: .6rem 1rem; text-align: center; background: #e8f1fb; border-bottom: 1px solid #b7cfe9; color: #123d6a; font-weight: 600; }
main { max-width: 52rem; margin: 0 auto; padding: 2rem 1rem 3rem; }
h1 { font-size: 1.7rem; margin: 0 0 .5rem; color: #9d1c1c; }
.demo-sites { list-style: none; padding: 0; margin: 1.5rem 0; display: grid; gap: 1rem; }
.demo-sites a { display: block; padding: 1rem 1.25rem; background: #fff; border: 1px solid #d0d7de; border-left: 6px solid #9d1c1c; border-radius: 6px; color: inherit; text-decoration: none; }
.demo-sites a:hover, .demo-sites a:focus { border-color: #9d1c1c; box-shadow: 0 2px 8px rgba(0,0,0,.08); }
.demo-sites .kind { display: block; font-size: .85rem; color: #656d76; }
.demo-sites strong { display: block; font-size: 1.2rem; color: #9d1c1c; margin: .15rem 0; }
.demo-sites .meta { display: block; font-size: .95rem; }
.demo-sites .desc { display: block; font-size: .9rem; color: #656d76; margin-top: .25rem; }
.what { padding-left: 1.25rem; }
.where { font-size: .9rem; color: #656d76; }
code { font-family: ui-monospace, monospace; background: #eef1f4; padding: 0 .25em; border-radius: 3px; }
`;

/** The page at the demo server's root: plain HTML, no script, a stylesheet beside it (demo.css). */
export function landingPage(sites: LandingSite[]): string {
  const items = sites
    .map(
      (s) => `    <li><a href="${escapeHtml(s.href)}">
      <span class="kind">${escapeHtml(s.kindName)}</span>
      <strong>${escapeHtml(s.title)}</strong>
      <span class="meta">${escapeHtml(s.organization)} · ${escapeHtml(yearsSummary(s.years))}</span>${s.description ? `\n      <span class="desc">${escapeHtml(s.description)}</span>` : ''}
    </a></li>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8" />
  <meta http-equiv="Content-Security-Policy" content="${escapeHtml(CONTENT_SECURITY_POLICY)}" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <meta name="referrer" content="no-referrer" />
  <title>nianbao 年报 · 演示（示例数据）</title>
  <link rel="stylesheet" href="demo.css" />
</head>
<body>
  <p class="sample-notice" role="note">示例数据：下面${sites.length > 1 ? '几个' : '这个'}网站的单位、报告、文字和数字均为虚构，只用来演示 nianbao，不是任何真实单位的报告。</p>
  <main>
  <h1>nianbao 年报 · 演示</h1>
  <p>nianbao 把单位每年写的报告发布成可以浏览、对比、检索的静态网站。下面是用示例数据生成的网站，都是对外公开版：部分数字显示为 **，部分内容显示为 ■■■，表示按规定隐去。</p>
  <ul class="demo-sites">
${items}
  </ul>
  <p>每个网站都可以：</p>
  <ul class="what">
    <li>按年度阅读报告，看每个数字与上一年相比的变化；</li>
    <li>在“数据趋势”中看每项数字历年的走势，在“年度对比”中把两年并排比较；</li>
    <li>在“问题与措施”中看哪些问题年年出现、上一年的措施第二年有没有对应的工作；</li>
    <li>全文检索历年报告，直接跳到所在段落。</li>
  </ul>
  <p>门户把一个县各单位的报告放在一个网站：按分组列出各单位，看哪些单位、哪些年度的报告缺失或逾期（报送情况），逐项对比各单位的数字、合计、排名和实质公开率等比率（数据汇总），列出内容检查发现的问题（问题审查），任选两份报告并排对比，并在所有单位的报告中检索。</p>
  <p class="where">这些网站由 <code>npm run demo</code> 生成在 <code>dist-demo/</code> 中；示例内容在 <code>examples/</code> 中，每个文件夹就是一个内容目录。</p>
  </main>
</body>
</html>
`;
}
