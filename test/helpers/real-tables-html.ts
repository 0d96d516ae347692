// A saved portal page holding only a real fixture's tables (test/fixtures/real/<slug>/tables.json), with a title
// that gives the year: for fixtures kept for their tables only (gov-2015-pingtan, gov-2020-pingtan), what
// `npm run import` reads end to end. The article sits in the container 平潭's portal uses (class article_content,
// test/fixtures/html/gov-2023-pingtan/page.html).
import { loadRealTables } from './real-fixtures.ts';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function realTablesHtml(slug: string, title: string): string {
  const tables = loadRealTables(slug)
    .map((t) => {
      const rows = t.rows.map((r) => `<tr>${r.map((c) => `<td${c.rowspan ? ` rowspan="${c.rowspan}"` : ''}${c.colspan ? ` colspan="${c.colspan}"` : ''}>${escapeHtml(c.text)}</td>`).join('')}</tr>`).join('');
      return `${t.caption ? `<p>${escapeHtml(t.caption)}</p>` : ''}<table>${rows}</table>`;
    })
    .join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><div class="nav">首页 &gt; 政府信息公开</div><h1>${escapeHtml(title)}</h1><div class="article_content"><p>本报告根据《中华人民共和国政府信息公开条例》编制。</p>${tables}</div></body></html>`;
}
