// What the export's light callers need without the writers (the report page links to the files by these names).
import type { Edition } from '../content/edition.ts';

export class ExportError extends Error {
  hint?: string;
  constructor(message: string, hint?: string) {
    super(message);
    this.name = 'ExportError';
    this.hint = hint;
  }
}

/** The file name a download carries: the report's title, made safe for every file system. */
export function exportFileName(doc: { title: string; edition: Edition }, ext: 'docx' | 'pdf'): string {
  // File systems allow 255 bytes a name (about 80 Chinese characters): a long title is cut, with … to say so.
  const clean = doc.title.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '').trim() || 'report';
  const safe = Array.from(clean).length > 60 ? `${Array.from(clean).slice(0, 60).join('')}…` : clean;
  return `${safe}${doc.edition === 'internal' ? '（内部版）' : ''}.${ext}`;
}
