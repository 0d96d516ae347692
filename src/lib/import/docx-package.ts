// A .docx opened before mammoth reads it, for three things mammoth does not do:
//  - bound what the file may inflate to (a few hundred KB of compressed whitespace is gigabytes once
//    inflated, and mammoth would parse all of it): sizes are checked before anything is inflated, and
//    yauzl stops an entry whose data runs past the size it declares;
//  - mark Word's hidden text (w:vanish, directly or through a style), which mammoth reads as ordinary text;
//  - find the embedded documents of w:altChunk (HTML and others pasted in by OA systems), which mammoth
//    drops without a word: each is replaced by a placeholder paragraph for the reader to fill.
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import JSZip from 'jszip';
import yauzl from 'yauzl';
import { redacted, withoutMarkers } from './redaction.ts';
import { ImportError } from './source.ts';

/** What a report's XML part may inflate to: a 300-page report's document.xml is about 10 MB. */
export const MAX_XML_PART = 16 * 1024 * 1024;
/** Any other part (pictures): a photo is a few MB. */
export const MAX_PART = 64 * 1024 * 1024;
export const MAX_TOTAL = 160 * 1024 * 1024;
/**
 * Word's XML compresses about 10:1; a part that shrank 100 times and more is padding (whitespace, repeated
 * runs) made to be inflated, and parsing it takes gigabytes. Small parts may compress that well honestly.
 */
const MAX_RATIO = 100;
const RATIO_FROM = 1024 * 1024;
const MAX_ENTRIES = 10_000;

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOCUMENT = 'word/document.xml';

/** The placeholder paragraph's text for altChunk `n` (characters no document may hold: see redaction.ts). */
export const chunkPlaceholder = (n: number) => `\uFDD2${n}\uFDD3`;
export const CHUNK_PLACEHOLDER = /^\uFDD2(\d+)\uFDD3$/;

export interface AltChunk {
  /** The part's name in the package, e.g. word/afchunk.htm. */
  part: string;
  contentType: string;
  bytes: Uint8Array;
}

export interface DocxPackage {
  /** The package for mammoth: the file itself, or rewritten with hidden text and embedded parts marked. */
  bytes: Uint8Array;
  /** Runs of hidden text found (each now a marked span). */
  hiddenRuns: number;
  altChunks: AltChunk[];
}

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

function tooBig(what: string): ImportError {
  return new ImportError(`Word 文件解压后过大（${what}）：不像是一份报告，没有导入`, '请在 Word 中打开它，确认内容无误后“另存为”一个新的 .docx 再导入；如果文件来历不明，不要导入');
}

async function readEntries(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { lazyEntries: true, validateEntrySizes: true });
  } catch (e) {
    throw new ImportError('无法读取 Word 文档：它不是有效的 .docx（不是 zip 格式，或文件不完整）', '文件可能已损坏，或并非真正的 .docx（例如由 .doc 直接改了扩展名）；请在 Word 中打开它并“另存为”Word 文档（*.docx）后再试');
  }
  if (zip.entryCount > MAX_ENTRIES) throw tooBig(`其中有 ${zip.entryCount} 个文件`);
  const entries = new Map<string, Uint8Array>();
  let total = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName.endsWith('/')) continue;
      const limit = /\.(xml|rels)$/i.test(entry.fileName) ? MAX_XML_PART : MAX_PART;
      if (entry.uncompressedSize > limit) throw tooBig(`${entry.fileName} 有 ${mb(entry.uncompressedSize)}，上限 ${mb(limit)}`);
      if (entry.uncompressedSize > RATIO_FROM && entry.uncompressedSize > MAX_RATIO * Math.max(1, entry.compressedSize)) {
        throw tooBig(`${entry.fileName} 由 ${Math.ceil(entry.compressedSize / 1024)} KB 解压成 ${mb(entry.uncompressedSize)}，压缩比超过 ${MAX_RATIO} 倍，是填充出来的`);
      }
      total += entry.uncompressedSize;
      if (total > MAX_TOTAL) throw tooBig(`合计超过 ${mb(MAX_TOTAL)}`);
      const stream = await zip.openReadStreamPromise(entry);
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      entries.set(entry.fileName, Buffer.concat(chunks));
    }
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new ImportError('无法读取 Word 文档：其中的数据已损坏（解压出的内容与文件记载的不符）', '文件可能已损坏；请在 Word 中打开它并“另存为”Word 文档（*.docx）后再试');
  }
  return entries;
}

type El = Element;

function children(el: El, local: string): El[] {
  const out: El[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1 && (n as El).namespaceURI === W && (n as El).localName === local) out.push(n as El);
  return out;
}

const attr = (el: El | undefined, name: string) => el?.getAttributeNS(W, name) || el?.getAttribute(`w:${name}`) || '';

/** <w:vanish/> in a run-properties element: true, false (w:val="0"), or undefined when not said. */
function vanishOf(rPr: El | undefined): boolean | undefined {
  if (!rPr) return undefined;
  const v = children(rPr, 'vanish')[0] ?? children(rPr, 'specVanish')[0];
  if (!v) return undefined;
  return !/^(0|false|off)$/i.test(attr(v, 'val'));
}

interface HiddenStyles {
  /** Whether a style hides its text, following basedOn: undefined when no style in the chain says. */
  of(id: string): boolean | undefined;
  /** The default paragraph style's say, and the document defaults' (w:docDefaults). */
  paragraphDefault: boolean | undefined;
  byDefault: boolean;
}

/** Which styles hide their text. Word resolves a run's look from the run, its character style, its paragraph's style, its table's style, then the defaults. */
function hiddenStyles(stylesXml: string | undefined): HiddenStyles {
  if (!stylesXml) return { of: () => undefined, paragraphDefault: undefined, byDefault: false };
  const doc = new DOMParser().parseFromString(stylesXml, 'text/xml');
  const own = new Map<string, { based?: string; vanish?: boolean }>();
  let defaultParagraph: string | undefined;
  const list = doc.getElementsByTagNameNS(W, 'style');
  for (let i = 0; i < list.length; i++) {
    const s = list.item(i) as El;
    const id = attr(s, 'styleId');
    own.set(id, { based: attr(children(s, 'basedOn')[0], 'val') || undefined, vanish: vanishOf(children(s, 'rPr')[0]) });
    if (attr(s, 'type') === 'paragraph' && /^(1|true|on)$/i.test(attr(s, 'default'))) defaultParagraph = id;
  }
  const memo = new Map<string, boolean | undefined>();
  const of = (id: string, seen = new Set<string>()): boolean | undefined => {
    if (memo.has(id)) return memo.get(id);
    const s = own.get(id);
    if (!s || seen.has(id)) return undefined;
    seen.add(id);
    const found = s.vanish ?? (s.based ? of(s.based, seen) : undefined);
    memo.set(id, found);
    return found;
  };
  const defaults = doc.getElementsByTagNameNS(W, 'rPrDefault').item(0);
  const byDefault = defaults ? (vanishOf(children(defaults as El, 'rPr')[0]) ?? false) : false;
  return { of, paragraphDefault: defaultParagraph ? of(defaultParagraph) : undefined, byDefault };
}

function ancestor(el: El, local: string): El | undefined {
  for (let n = el.parentNode; n; n = n.parentNode) if (n.nodeType === 1 && (n as El).namespaceURI === W && (n as El).localName === local) return n as El;
  return undefined;
}

function elements(doc: Document, local: string): El[] {
  const list = doc.getElementsByTagNameNS(W, local);
  return Array.from({ length: list.length }, (_, i) => list.item(i) as El);
}

const styleRef = (props: El | undefined, local: string) => attr(props ? children(props, local)[0] : undefined, 'val');

/** Whether a run's text is hidden, resolved as Word does: the first level that says decides. */
function runHidden(run: El, styles: HiddenStyles): boolean {
  const direct = vanishOf(children(run, 'rPr')[0]);
  if (direct !== undefined) return direct;
  const charStyle = styleRef(children(run, 'rPr')[0], 'rStyle');
  const byChar = charStyle ? styles.of(charStyle) : undefined;
  if (byChar !== undefined) return byChar;
  const p = ancestor(run, 'p');
  const pStyle = p ? styleRef(children(p, 'pPr')[0], 'pStyle') : '';
  const byPara = pStyle ? styles.of(pStyle) : styles.paragraphDefault;
  if (byPara !== undefined) return byPara;
  // A table's style, for the nearest table the run is in (and the ones around it).
  for (let t = ancestor(run, 'tbl'); t; t = ancestor(t, 'tbl')) {
    const tblStyle = styleRef(children(t, 'tblPr')[0], 'tblStyle');
    const byTable = tblStyle ? styles.of(tblStyle) : undefined;
    if (byTable !== undefined) return byTable;
  }
  return styles.byDefault;
}

/** Mark every hidden run's text; take nianbao's marker characters out of all text. Returns the runs marked. */
function markHidden(doc: Document, stylesXml: string | undefined): number {
  const styles = hiddenStyles(stylesXml);
  // Lists taken once: xmldom's live lists are computed again after every change to the document.
  for (const t of elements(doc, 't')) {
    if (t.textContent && /[\uFDD0-\uFDD3]/.test(t.textContent)) t.textContent = withoutMarkers(t.textContent);
  }
  let marked = 0;
  const runs = elements(doc, 'r');
  const hidden = runs.filter((run) => runHidden(run, styles));
  for (const run of hidden) {
    let any = false;
    for (const t of children(run, 't')) {
      if (!t.textContent) continue;
      t.textContent = redacted(t.textContent);
      any = true;
    }
    if (any) marked++;
  }
  return marked;
}

function contentTypeOf(part: string, types: string | undefined): string {
  if (types) {
    const doc = new DOMParser().parseFromString(types, 'text/xml');
    const overrides = doc.getElementsByTagName('Override');
    for (let i = 0; i < overrides.length; i++) {
      const o = overrides.item(i) as El;
      if (o.getAttribute('PartName')?.replace(/^\//, '') === part) return o.getAttribute('ContentType') ?? '';
    }
    const ext = /\.([^./]+)$/.exec(part)?.[1]?.toLowerCase();
    const defaults = doc.getElementsByTagName('Default');
    for (let i = 0; i < defaults.length; i++) {
      const d = defaults.item(i) as El;
      if (d.getAttribute('Extension')?.toLowerCase() === ext) return d.getAttribute('ContentType') ?? '';
    }
  }
  return '';
}

/** Replace each w:altChunk with a placeholder paragraph; return the embedded parts in order. */
function takeAltChunks(doc: Document, rels: string | undefined, types: string | undefined, entries: Map<string, Uint8Array>): AltChunk[] {
  const found = elements(doc, 'altChunk');
  if (found.length === 0) return [];
  const targets = new Map<string, string>();
  if (rels) {
    const relDoc = new DOMParser().parseFromString(rels, 'text/xml');
    const list = relDoc.getElementsByTagNameNS(PKG_REL, 'Relationship');
    for (let i = 0; i < list.length; i++) {
      const r = list.item(i) as El;
      const target = r.getAttribute('Target') ?? '';
      targets.set(r.getAttribute('Id') ?? '', target.startsWith('/') ? target.slice(1) : `word/${target}`);
    }
  }
  const chunks: AltChunk[] = [];
  for (const el of found) {
    const part = targets.get(el.getAttributeNS(R, 'id') || el.getAttribute('r:id') || '') ?? '';
    const bytes = entries.get(part) ?? new Uint8Array();
    chunks.push({ part, contentType: contentTypeOf(part, types), bytes });
    const p = doc.createElementNS(W, 'w:p');
    const r = doc.createElementNS(W, 'w:r');
    const t = doc.createElementNS(W, 'w:t');
    t.appendChild(doc.createTextNode(chunkPlaceholder(chunks.length - 1)));
    r.appendChild(t);
    p.appendChild(r);
    el.parentNode?.replaceChild(p, el);
  }
  return chunks;
}

const text = (b: Uint8Array | undefined) => (b ? new TextDecoder().decode(b) : undefined);

export async function openDocx(bytes: Uint8Array): Promise<DocxPackage> {
  const entries = await readEntries(bytes);
  const documentXml = text(entries.get(DOCUMENT));
  if (documentXml === undefined) throw new ImportError('无法读取 Word 文档：其中没有正文（word/document.xml）', '文件可能已损坏，或并非 Word 文档；请在 Word 中打开它并“另存为”Word 文档（*.docx）后再试');
  // Only a document that needs marking is rewritten; every other file goes to mammoth as it is.
  if (!/[\uFDD0-\uFDD3]|vanish|altChunk/i.test(documentXml) && !/vanish/i.test(text(entries.get('word/styles.xml')) ?? '')) {
    return { bytes, hiddenRuns: 0, altChunks: [] };
  }
  const doc = new DOMParser().parseFromString(documentXml, 'text/xml');
  const hiddenRuns = markHidden(doc, text(entries.get('word/styles.xml')));
  const altChunks = takeAltChunks(doc, text(entries.get('word/_rels/document.xml.rels')), text(entries.get('[Content_Types].xml')), entries);
  const zip = new JSZip();
  for (const [name, data] of entries) zip.file(name, name === DOCUMENT ? new XMLSerializer().serializeToString(doc) : data);
  const rewritten = await zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
  return { bytes: rewritten, hiddenRuns, altChunks };
}
