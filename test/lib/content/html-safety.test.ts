// Markup that would run script, found the way a browser parses the page.
import { describe, expect, it } from 'vitest';
import { effectiveScheme, executableMarkup } from '../../../src/lib/content/html-safety.ts';

const page = (body: string) => `<!DOCTYPE html><html><head><title>t</title></head><body>${body}</body></html>`;

describe('executableMarkup', () => {
  it('finds nothing in ordinary pages: links, scripts by src, data: images, icons, forms', () => {
    expect(executableMarkup(page('<a href="/2021/">2021</a><a href="https://www.gov.cn/">门户</a><a href="mailto:a@b.c">信</a><script type="module" src="/_astro/a.js"></script><img src="data:image/png;base64,AA==" alt=""><link rel="icon" href="data:,"><form action="/search/"></form><p title="javascript:1">文字 javascript:alert(1)</p>'))).toEqual([]);
  });

  it.each([
    ['<a href="javascript:alert(1)">x</a>', 'javascript: 地址'],
    ['<a href="JaVaScRiPt:alert(1)">x</a>', 'javascript: 地址'],
    ['<a href="  java&#9;script:alert(1)">x</a>', 'javascript: 地址'],
    ['<a href="&#x6A;avascript&colon;alert(1)">x</a>', 'javascript: 地址'],
    ['<a href="\u0001javascript:alert(1)">x</a>', 'javascript: 地址'],
    ['<a href="vbscript:msgbox(1)">x</a>', 'vbscript: 地址'],
    ['<a href="data:text/html,<script>alert(1)</script>">x</a>', 'data: 地址'],
    ['<iframe src="data:text/html,x"></iframe>', 'data: 地址'],
    ['<form action="javascript:alert(1)"><button formaction="javascript:1">b</button></form>', 'javascript: 地址'],
    ['<img src="x" onerror="alert(1)">', '事件属性'],
    ['<body onload="alert(1)">', '事件属性'],
    ['<div ONMOUSEOVER="alert(1)">x</div>', '事件属性'],
    ['<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>', 'javascript: 地址'],
    ['<svg><animate onbegin="alert(1)"/></svg>', '事件属性'],
    ['<iframe srcdoc="<script>alert(1)</script>"></iframe>', 'srcdoc'],
    ['<meta http-equiv="refresh" content="0;url=javascript:alert(1)">', '自动跳转'],
    ['<template><img src=x onerror=alert(1)></template>', '事件属性'],
    ['<img srcset="a.png 1x, javascript:alert(1) 2x">', 'javascript: 地址'],
    ['<div style="background:url(javascript:alert(1))">x</div>', '样式'],
    // A malformed tag a regex would miss; the HTML parser reads it as the browser does.
    ['<img/src="x"/onerror=alert(1)>', '事件属性'],
  ])('finds %s', (html, what) => {
    const found = executableMarkup(page(html));
    expect(found.length).toBeGreaterThan(0);
    expect(found.join('\n')).toContain(what);
  });

  it('lists every finding in document order, each naming the tag and attribute', () => {
    expect(executableMarkup(page('<a href="javascript:1">a</a><p onclick="x">b</p>'))).toEqual(['<a href="javascript:1">：javascript: 地址会运行脚本', '<p onclick="x">：事件属性会运行脚本']);
  });
});

describe('effectiveScheme', () => {
  it('reads the scheme as a browser does', () => {
    expect(effectiveScheme(' \u0000java\tscr\nipt:x')).toBe('javascript');
    expect(effectiveScheme('HTTPS://a')).toBe('https');
    expect(effectiveScheme('/a:b')).toBeUndefined();
    expect(effectiveScheme('\u200bjavascript:x')).toBeUndefined();
  });
});
