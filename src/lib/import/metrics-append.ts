// New entries at the end of metrics.yaml, as text: everything the author wrote above them — comments,
// blank lines, quoting, key order, a BOM, Windows line endings — stays byte for byte, and the result is
// proved to read back as the old entries followed by the new ones before anyone writes it.
import { isSeq, parseDocument, stringify } from 'yaml';
import { isDeepStrictEqual } from 'node:util';

export class AppendError extends Error {
  hint: string;
  constructor(message: string, hint: string) {
    super(message);
    this.name = 'AppendError';
    this.hint = hint;
  }
}

/** Where the existing list's items start, so that new items line up with them. */
function itemIndent(text: string, doc: ReturnType<typeof parseDocument>): string {
  const seq = doc.contents;
  if (!isSeq(seq) || seq.items.length === 0 || !seq.range) return '';
  const at = seq.range[0];
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lead = text.slice(lineStart, at);
  return /^[ ]*$/.test(lead) ? lead : '';
}

/**
 * `text` (the file as it is, or '' when there is none) with `entries` appended under a comment.
 * Throws AppendError, in Chinese, when the file cannot take a new item at its end (a list written in
 * [ ] brackets, a mapping instead of a list, a syntax error).
 */
export function appendEntries(text: string, entries: Record<string, unknown>[], comment: string[]): string {
  if (entries.length === 0) return text;
  const body = text.replace(/^\uFEFF/, '');
  const doc = parseDocument(body, { uniqueKeys: true });
  if (doc.errors.length) {
    throw new AppendError('metrics.yaml 有格式错误，不能在末尾追加新指标', '先运行 npm run check，按提示改正 metrics.yaml，再重新导入');
  }
  const old = doc.toJS() as unknown;
  if (old !== null && old !== undefined && !Array.isArray(old)) {
    throw new AppendError('metrics.yaml 的内容不是指标列表（每个指标以“- id:”开头）', '先运行 npm run check 查看问题；改正后再重新导入');
  }
  const seq = doc.contents;
  if (isSeq(seq) && seq.flow) {
    throw new AppendError('metrics.yaml 的指标列表写在方括号 [ ] 中，不能在末尾追加', '把列表改成每个指标一段、以“- id:”开头的写法（npm run init 生成的就是这种），再重新导入；或者按下面列出的内容手动登记');
  }

  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indent = itemIndent(body, doc);
  const yaml = stringify(entries, { lineWidth: 0 }).replace(/\n$/, '');
  const lines = [...comment.map((c) => `# ${c.replace(/[\r\n\u2028\u2029]+/g, ' ')}`.trimEnd()), ...yaml.split('\n')];
  const block = lines.map((l) => (l ? indent + l : l)).join(eol) + eol;
  const onlyComments = old === null || old === undefined;
  let head = text;
  if (head !== '' && !/\n$/.test(head)) head += eol;
  // A file of comments only ends with an empty document; a list after it reads as that document.
  const separator = head.replace(/^\uFEFF/, '').trim() === '' ? '' : eol;
  const out = head + separator + block;

  const back = parseDocument(out.replace(/^\uFEFF/, ''), { uniqueKeys: true });
  const expected = [...(onlyComments ? [] : (old as unknown[])), ...entries];
  if (back.errors.length || !isDeepStrictEqual(back.toJS(), expected)) {
    throw new AppendError('metrics.yaml 的写法特殊，追加新指标后无法确认文件仍然正确，没有改动它', '按下面列出的内容手动把新指标登记到 metrics.yaml 末尾，再加 --force 重新导入');
  }
  return out;
}
