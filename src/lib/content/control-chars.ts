// Invisible control characters in a content file (NUL, form feed, ESC … — pasted from other software or
// left by a broken editor). Markdown and YAML pass them through, so they would reach the HTML as they are;
// no report needs one, and an author cannot see them to take them out. Tab and line ends are text.
import type { Problem } from './problems.ts';

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u0080-\u009f]/g;

/** Whether a value holds one (a YAML escape such as "\0" or "\e" makes one that the file's text does not show). */
export function hasControlChar(value: string): boolean {
  return new RegExp(CONTROL.source).test(value);
}

/** The characters of `value` named for a message: U+0000（NUL）、U+001B（ESC）. */
export function controlCharNames(value: string): string {
  return [...new Set([...value.matchAll(CONTROL)].map((m) => describe(m[0])))].join('、');
}

const NAMES: Record<number, string> = { 0: 'NUL', 0x0b: '垂直制表符', 0x0c: '换页符', 0x1b: 'ESC', 0x7f: 'DEL' };

function describe(ch: string): string {
  const code = ch.charCodeAt(0);
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return NAMES[code] ? `${hex}（${NAMES[code]}）` : hex;
}

/** One problem for a file holding control characters: how many, which, and on which lines (the first few). */
export function controlCharProblem(text: string, file: string): Problem | undefined {
  const found = [...text.matchAll(CONTROL)];
  if (found.length === 0) return undefined;
  const lineAt = (index: number) => text.slice(0, index).split('\n').length;
  const lines = [...new Set(found.map((m) => lineAt(m.index)))];
  const kinds = [...new Set(found.map((m) => describe(m[0])))];
  return {
    severity: 'error',
    file,
    line: lines[0],
    message: `${file} 含有 ${found.length} 个看不见的控制字符 ${kinds.slice(0, 3).join('、')}${kinds.length > 3 ? ' 等' : ''}（第 ${lines.slice(0, 5).join('、')}${lines.length > 5 ? ' 等' : ''} 行）`,
    hint: '删除这些字符：它们通常是从其他软件复制时带进来的，会原样进入网页。VS Code 中可用“查找”并打开正则表达式，搜索 [\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f] 找到它们',
  };
}
