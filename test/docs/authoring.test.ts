// docs/authoring.zh-CN.md, followed by the letter: every command of its ```bash blocks runs, in the
// order written, in a fresh project folder (a copy of the project's code, no git, no content), with
// the files the guide tells the author to save, and must end as the guide says — its exit code, the
// output it quotes, a preview that answers on the page it names. A block the test cannot run fails it.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Code } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { cleanEnv } from '../helpers/astro-cli.ts';
import { realDocx } from '../helpers/real-docx.ts';
import type { RealReport, RealTable } from '../helpers/real-fixtures.ts';
import { ROOT } from '../helpers/sites.ts';

const GUIDE = join(ROOT, 'docs/authoring.zh-CN.md');

/** What a project checkout holds that the commands need (content folders are the guide's to make). */
const PROJECT_FILES = ['src', 'public', 'examples', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

/** The server folder of the guide's examples, moved into the test's own folder. */
const SERVER_DIR = '/srv/www/';

/**
 * Files the author brings rather than writes from the guide: the office's Word file. Its text is what
 * the guide's import output quotes (title under an office line, 一、 sections, 一是 items, a table with
 * merged cells, counts with 余, a closing date).
 */
const AUTHOR_FILES: Record<string, () => Promise<Buffer>> = {
  '2022年报告.docx': () => {
    const lines = [
      '2022年度落实全面从严治党主体责任情况报告',
      '2022年，开发区工委认真落实全面从严治党主体责任，现将有关情况报告如下：',
      '一、履行主体责任情况',
      '一是抓好理论学习。全年召开理论学习中心组集中学习10次，开展警示教育活动2场次。',
      '二是强化监督执纪。开展监督检查12次，发现问题20个；受理信访举报30余件次，立案4件。',
      '表1　2022年信访举报办理情况',
      '[[table:1]]',
      '二、存在的主要问题及原因',
      '一是学习教育还不够深入。',
      '三、下一步工作思路和主要措施',
      '一是持续加强理论学习。',
      '2023年1月16日',
    ];
    const table: RealTable = {
      rows: [
        [{ text: '项目', rowspan: 2 }, { text: '信访举报（件次）', colspan: 3 }],
        [{ text: '受理' }, { text: '办结' }, { text: '正在办理' }],
        [{ text: '2022年' }, { text: '30' }, { text: '27' }, { text: '3' }],
      ],
    };
    // realDocx reads a report's lines, tables and title; the answer key of a real fixture is not needed here.
    const report = { lines, tables: [table], answers: { title: lines[0] } } as unknown as RealReport;
    return realDocx(report, { officeLine: '中共某某开发区工作委员会' });
  },
};

type Step =
  | { kind: 'file'; path: string; text: string; line: number }
  | { kind: 'contains'; path: string; text: string; line: number }
  | { kind: 'command'; command: string; exit: number; serve?: { path: string }; output?: string; line: number };

const RUNNABLE = new Set(['bash', 'sh']);
/** Blocks shown to the reader only: examples of a file's form, never a command. */
const ILLUSTRATION = new Set(['mdx', 'yaml', 'md', '']);
const LOOKS_LIKE_A_COMMAND = /^\s*(?:\$\s*)?(?:npm|npx|node|export|NIANBAO_\w+=)\b/m;

function metaValue(meta: string | null | undefined, key: string): string | undefined {
  return new RegExp(`(?:^|\\s)${key}="([^"]+)"`).exec(meta ?? '')?.[1];
}

/** The guide's blocks as steps, in order; a block the test would not know how to run is an error. */
function readGuide(markdown: string): { steps: Step[]; errors: string[] } {
  const codes: Code[] = [];
  visit(fromMarkdown(markdown), 'code', (node: Code) => {
    codes.push(node);
  });
  const steps: Step[] = [];
  const errors: string[] = [];
  let lastCommand: Extract<Step, { kind: 'command' }> | undefined;
  let previousWasBash = false;
  for (const code of codes) {
    const lang = code.lang ?? '';
    const line = code.position?.start.line ?? 0;
    const title = metaValue(code.meta, 'title');
    const check = metaValue(code.meta, 'check');
    if (title) steps.push({ kind: 'file', path: title, text: code.value + '\n', line });
    else if (check) steps.push({ kind: 'contains', path: check, text: code.value, line });
    else if (RUNNABLE.has(lang)) {
      for (const raw of code.value.split('\n')) {
        const trimmed = raw.trim();
        if (!trimmed || trimmed.startsWith('#')) continue;
        const hash = trimmed.search(/\s#/);
        const command = (hash < 0 ? trimmed : trimmed.slice(0, hash)).trim();
        const comment = hash < 0 ? '' : trimmed.slice(hash);
        const exit = Number(/退出码\s*(\d+)/.exec(comment)?.[1] ?? 0);
        const servePath = /Ctrl-C/.test(comment) ? (/https?:\/\/localhost:\d+(\/[^\s，。；）]*)?/.exec(comment)?.[1] ?? '/') : undefined;
        if (/^(?:\S+=\S+\s+)*npm (?:start|run dev)\b/.test(command) && servePath === undefined) {
          errors.push(`第 ${line} 行起的命令“${command}”一直运行：注释中要写“按 Ctrl-C 停止”和要打开的网址`);
        }
        lastCommand = { kind: 'command', command, exit, line, ...(servePath !== undefined && { serve: { path: servePath } }) };
        steps.push(lastCommand);
      }
    } else if (lang === 'text') {
      if (!previousWasBash || !lastCommand) errors.push(`第 ${line} 行的 text 块不在命令块后面：text 块只用于命令的输出（要保存的文件请写 title="路径"）`);
      else if (lastCommand.serve) errors.push(`第 ${line} 行：一直运行的预览命令不能带输出块`);
      else lastCommand.output = code.value;
    } else if (!ILLUSTRATION.has(lang)) {
      errors.push(`第 ${line} 行的 ${lang} 块：测试不会运行它；命令请写在 bash 块中`);
    } else if (LOOKS_LIKE_A_COMMAND.test(code.value)) {
      errors.push(`第 ${line} 行的 ${lang || '无语言'} 块中像是有命令：命令请写在 bash 块中，测试才会运行它`);
    }
    previousWasBash = RUNNABLE.has(lang) && !title && !check;
  }
  return { steps, errors };
}

/** Does `text` hold each line of `expected`, in order? `…` stands for any text within a line. */
function missingLines(text: string, expected: string): string[] {
  const lines = text.split('\n');
  const missing: string[] = [];
  let at = 0;
  for (const want of expected.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const pieces = want.split('…').map((p) => p.trim()).filter(Boolean);
    const matches = (line: string) => {
      let from = 0;
      for (const p of pieces) {
        const i = line.indexOf(p, from);
        if (i < 0) return false;
        from = i + p.length;
      }
      return true;
    };
    const found = lines.findIndex((l, i) => i >= at && matches(l));
    if (found < 0) missing.push(want);
    else at = found + 1;
  }
  return missing;
}

/** The shell of someone at the terminal: no test runner's or outer npm's variables. */
function userEnv(): NodeJS.ProcessEnv {
  const env = cleanEnv();
  for (const k of Object.keys(env)) if (/^npm_/i.test(k) || k === 'INIT_CWD') delete env[k];
  return env;
}

interface Served {
  status: number;
  body: string;
  output: string;
}

/** A paragraph saved into a report while `npm run dev` runs: the guide says the page shows it on reload. */
const LIVE_EDIT = '（这一段是测试在预览运行时保存的。）';

/**
 * Start a preview, wait for the page the guide names to answer, then stop it as Ctrl-C would. With
 * `edit`, save the report shown on that page with one more paragraph and wait for the page to show it.
 */
async function servePreview(script: string, cwd: string, path: string, edit?: string): Promise<Served> {
  const child = spawn('bash', ['-c', script], { cwd, env: userEnv(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  let exited: number | null | undefined;
  const closed = new Promise<void>((done) => child.on('close', (code) => ((exited = code), done())));
  const stop = async () => {
    if (exited !== undefined) return;
    try {
      process.kill(-(child.pid as number), 'SIGINT');
    } catch {}
    const killed = setTimeout(() => {
      try {
        process.kill(-(child.pid as number), 'SIGKILL');
      } catch {}
    }, 20_000);
    await closed;
    clearTimeout(killed);
  };
  let saved: string | undefined;
  try {
    const deadline = Date.now() + 240_000;
    let origin: string | undefined;
    while (Date.now() < deadline && exited === undefined) {
      origin ??= /(?:Local\s+|网站已在 |已启动：)(http:\/\/localhost:\d+)\//.exec(output)?.[1];
      if (origin) {
        try {
          const res = await fetch(new URL(path, origin));
          const body = await res.text();
          if (res.status === 200 && !edit) return { status: 200, body, output };
          if (res.status === 200 && body.includes(LIVE_EDIT)) return { status: 200, body, output };
          if (res.status === 200 && edit && saved === undefined) {
            saved = readFileSync(edit, 'utf8');
            // Saved whole in one step (as editors save), so the preview never reads a half-written file.
            writeFileSync(`${edit}.saving`, `${saved.trimEnd()}\n\n${LIVE_EDIT}\n`);
            renameSync(`${edit}.saving`, edit);
          }
        } catch {}
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    const why = exited === undefined ? '超时' : `进程已退出，退出码 ${exited}`;
    return { status: 0, body: '', output: `${output}\n（${saved ? `保存 ${edit} 后页面没有更新：` : ''}${why}）` };
  } finally {
    await stop();
    if (saved !== undefined && edit) writeFileSync(edit, saved);
  }
}

describe('docs/authoring.zh-CN.md', () => {
  const guide = readGuide(readFileSync(GUIDE, 'utf8'));

  it('holds only blocks the test can run or check', () => {
    expect(guide.errors).toEqual([]);
    const commands = guide.steps.filter((s) => s.kind === 'command');
    expect(commands.length).toBeGreaterThan(10);
    // Every file an author is assumed to bring is one the guide uses.
    for (const name of Object.keys(AUTHOR_FILES)) expect(commands.some((c) => c.command.includes(name)), name).toBe(true);
  });

  it('runs every command in order, each ending as the guide says', async () => {
    const root = mkdtempSync(join(tmpdir(), 'nianbao-guide-'));
    const project = join(root, 'nianbao');
    const local = (s: string) => s.replaceAll(SERVER_DIR, join(root, 'srv/www') + '/');
    try {
      mkdirSync(project);
      for (const f of PROJECT_FILES) cpSync(join(ROOT, f), join(project, f), { recursive: true });
      symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'));
      mkdirSync(join(root, 'srv/www'), { recursive: true });
      for (const [name, make] of Object.entries(AUTHOR_FILES)) writeFileSync(join(project, name), await make());

      // `export` lines carry over to the commands after them, as in the author's terminal.
      const exports: string[] = [];
      let lastSaved: string | undefined;
      for (const step of guide.steps) {
        const where = `docs/authoring.zh-CN.md 第 ${step.line} 行`;
        if (step.kind === 'file') {
          mkdirSync(dirname(join(project, step.path)), { recursive: true });
          writeFileSync(join(project, step.path), step.text);
          if (step.path.endsWith('.mdx')) lastSaved = join(project, step.path);
          continue;
        }
        if (step.kind === 'contains') {
          const text = readFileSync(join(project, step.path), 'utf8');
          expect(missingLines(text, step.text), `${where}：${step.path} 中没有这些行`).toEqual([]);
          continue;
        }
        const command = local(step.command);
        const prelude = exports.join('\n');
        if (step.serve) {
          // The live preview: the report last saved from the guide is saved again, one paragraph longer.
          const edit = /\bnpm run dev\b/.test(command) ? lastSaved : undefined;
          const served = await servePreview(`${prelude}\n${command}`, project, step.serve.path, edit);
          expect(served.status, `${where}：${step.command} 没有在 ${step.serve.path} 上返回 200\n${served.output.slice(-3000)}`).toBe(200);
          expect(served.body, `${where}：${step.serve.path} 不是 nianbao 生成的页面`).toContain('<meta name="generator" content="nianbao"');
          continue;
        }
        const r = spawnSync('bash', ['-c', `${prelude}\n{ ${command}\n} 2>&1`], { cwd: project, env: userEnv(), encoding: 'utf8', timeout: 300_000 });
        if (/^export\s/.test(command)) exports.push(command);
        const output = r.stdout ?? '';
        expect(r.status, `${where}：${step.command}\n${output.slice(-4000)}`).toBe(step.exit);
        expect(output, `${where}：输出中有英文错误堆栈`).not.toMatch(/\n\s+at \S+ \(|Stack trace/);
        if (step.output) expect(missingLines(output, local(step.output)), `${where}：${step.command} 的输出中没有这些行\n${output.slice(-4000)}`).toEqual([]);
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 900_000);
});
