// The one Markdown dialect of a report, shared by `npm run check`, import's read-back and the build:
// MDX plus GFM tables, nothing else of GFM. If check and the build parsed differently, text that check
// reads as harmless could become markup in the build. GFM's bare-URL autolinks are left out on purpose:
// an autolinked URL swallows the backslash of a following `\<`, so `https://x/\<img …>` would turn an
// escaped, literal `<` into a real element. Strikethrough, footnotes and task lists are not report syntax.
import type { Processor } from 'unified';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown, gfmTableToMarkdown } from 'mdast-util-gfm-table';
import type { Options as ToMarkdownOptions } from 'mdast-util-to-markdown';
import { mdxToMarkdown } from 'mdast-util-mdx';

/** A remark plugin; use after remark-mdx (the order @mdx-js/mdx itself uses). */
export default function remarkReportSyntax(this: Processor): undefined {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

/**
 * mdast-util-to-markdown extensions that write this dialect (import's writer). Table rows are written
 * compact (`| a | b |`), not padded into columns: padding counts characters, not the double width of
 * Chinese, so it would not line up anyway and would only make long official forms wider.
 */
export function reportToMarkdownExtensions(): NonNullable<ToMarkdownOptions['extensions']> {
  return [mdxToMarkdown(), gfmTableToMarkdown({ tablePipeAlign: false })];
}
