import { describe, expect, it } from 'vitest';
import { htmlBlocks } from '../../../src/lib/structure/html-blocks.ts';

describe('htmlBlocks', () => {
  it('splits rendered text into its top-level blocks, each with the ids inside it, losing nothing', () => {
    const html = '<h2 id="s1">一、情况</h2>\n<p id="s1-1" class="item">一是<span id="s1-1a">甲</span>。<br>乙<img src="x"></p>\n<table><tr><td id="c">1</td></tr></table>\n';
    const blocks = htmlBlocks(html);
    expect(blocks.map((b) => b.ids)).toEqual([['s1'], ['s1-1', 's1-1a'], ['c']]);
    expect(blocks.map((b) => b.html).join('')).toBe(html);
  });

  it('keeps comments, attributes with > in quotes and text outside any tag', () => {
    const html = 'intro<!-- <p id="no"> --><p title="a>b" id=\'x\'>t</p>';
    const blocks = htmlBlocks(html);
    expect(blocks.map((b) => b.html).join('')).toBe(html);
    expect(blocks.flatMap((b) => b.ids)).toEqual(['x']);
  });
});
