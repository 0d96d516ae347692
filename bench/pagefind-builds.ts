// How many times pagefind builds its index for one writeFiles, and what that costs (a script, not a test:
// timing depends on the machine). `npx node bench/pagefind-builds.ts [years]` (default 320).
// Pagefind 1.6.0 (and its source since December 2024) builds it twice: the service's WriteFiles handler
// calls build_indexes() and then PagefindIndex::write_files, which builds again (BENCHMARKS.md, 2026-12-03
// second profile). Run this after upgrading pagefind: once it prints 1 build, the index step on the
// build's critical path is one build (~0.7 s at 320 years on the bench machine) shorter. Records are made
// and sent by the site's own code (searchRecords, bundleRecords, the feed's addRecords/writePagefindFiles)
// from the sample report's paragraphs, a slightly varied copy per year.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { bundleRecords } from '../src/lib/search/bundles.ts';
import { searchRecords, type ReportBlock } from '../src/lib/search/records.ts';
import { addRecords, writePagefindFiles } from '../src/integrations/search-feed.ts';

const years = Number(process.argv[2] ?? 320);
if (!Number.isInteger(years) || years < 1) {
  console.error('用法：npx node bench/pagefind-builds.ts [年数]（正整数，默认 320）');
  process.exit(2);
}

const sample = readFileSync(join(import.meta.dirname, '../content/reports/2022.mdx'), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
const paragraphs = sample
  .split(/\n\s*\n/)
  .map((p) => p.replace(/^#+\s*/, '').replace(/\s+/g, ' ').trim())
  .filter((p) => p.length > 0 && !p.startsWith('<') && !p.startsWith('{'));
const kinds = ['work', 'problems', 'causes', 'measures', 'other'];

// Each year's text differs a little, as real years do: the year and a position in every paragraph.
const records = Array.from({ length: years }, (_, y) => {
  const year = 2022 - years + 1 + y;
  const blocks: ReportBlock[] = paragraphs.map((text, pos) => ({ anchor: `p${pos}`, kind: kinds[Math.floor((pos * kinds.length) / paragraphs.length)] as string, text: `${year}年${text}（${pos}）`, item: false, pos }));
  return searchRecords(year, blocks);
}).flat();
const bundles = bundleRecords(records);

const work = mkdtempSync(join(tmpdir(), 'nianbao-pagefind-builds-'));
const logfile = join(work, 'pagefind.log');
try {
  process.env.RAYON_NUM_THREADS ??= '1'; // as the build runs it (src/integrations/search-feed.ts)
  const created = await pagefind.createIndex({ verbose: true, logfile });
  if (!created.index) throw new Error(created.errors.join('；'));
  const index = created.index;
  let t = performance.now();
  await addRecords(index, bundles);
  const addMs = performance.now() - t;
  t = performance.now();
  await writePagefindFiles(index, join(work, 'bundle'));
  const writeMs = performance.now() - t;
  const builds = readFileSync(logfile, 'utf8').split('[Building search indexes]').length - 1;
  const version = (JSON.parse(readFileSync(join(import.meta.dirname, '../node_modules/pagefind/package.json'), 'utf8')) as { version: string }).version;
  console.log(`Pagefind ${version}：${years} 年，${records.length} 个段落，${bundles.length} 条索引记录`);
  console.log(`加入记录 ${(addMs / 1000).toFixed(2)} 秒；writeFiles ${(writeMs / 1000).toFixed(2)} 秒，其中建索引 ${builds} 次`);
  console.log(builds > 1 ? `→ 每次 writeFiles 重复建索引 ${builds - 1} 次（上游问题，见 BENCHMARKS.md）` : '→ 只建一次索引：上游已修复，可以重新测量 npm run bench');
} finally {
  await pagefind.close();
  rmSync(work, { recursive: true, force: true });
}
