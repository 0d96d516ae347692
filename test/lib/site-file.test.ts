// Which file a request path names in a built site, and that no symbolic link leads out of it.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { siteFile } from '../../src/lib/site-file.ts';

let tmp: string;
let site: string;
beforeEach(() => {
  tmp = realpathSync(mkdtempSync(join(tmpdir(), 'nianbao-site-file-')));
  site = join(tmp, 'dist');
  mkdirSync(join(site, '2022'), { recursive: true });
  writeFileSync(join(site, 'index.html'), 'home');
  writeFileSync(join(site, '2022/index.html'), '2022');
  writeFileSync(join(site, 'about.html'), 'about');
  mkdirSync(join(tmp, 'outside'));
  writeFileSync(join(tmp, 'outside/secret.txt'), 'secret');
  writeFileSync(join(tmp, 'outside/index.html'), 'outside home');
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

const at = (...segments: string[]) => siteFile(site, segments)?.path;

describe('siteFile', () => {
  it('a file, a folder’s index.html, a name without .html', () => {
    expect(at('')).toBe(join(site, 'index.html'));
    expect(at('2022', '')).toBe(join(site, '2022/index.html'));
    expect(at('2022')).toBe(join(site, '2022/index.html'));
    expect(at('about')).toBe(join(site, 'about.html'));
    expect(at('about.html')).toBe(join(site, 'about.html'));
    expect(siteFile(site, ['about.html'])).toMatchObject({ size: 5 });
    expect(at('missing')).toBeUndefined();
    expect(at('2022', 'missing', '')).toBeUndefined();
  });

  it('a link inside the site to a file or folder inside it is followed', () => {
    symlinkSync('about.html', join(site, 'alias.html'));
    symlinkSync('2022', join(site, 'latest'));
    expect(at('alias.html')).toBe(join(site, 'about.html'));
    expect(at('latest', '')).toBe(join(site, '2022/index.html'));
  });

  it.each([
    ['a file outside, by absolute link', (p: string) => symlinkSync(join(tmp, 'outside/secret.txt'), p)],
    ['a file outside, by relative link', (p: string) => symlinkSync('../outside/secret.txt', p)],
    ['/etc/passwd', (p: string) => symlinkSync('/etc/passwd', p)],
    ['a link to a link to a file outside', (p: string) => (symlinkSync(join(tmp, 'outside/secret.txt'), join(tmp, 'hop')), symlinkSync(join(tmp, 'hop'), p))],
  ])('a link to %s is not served', (_what, link) => {
    link(join(site, 'x.txt'));
    expect(at('x.txt')).toBeUndefined();
    expect(at('x')).toBeUndefined();
  });

  it('a link to a folder outside is not served, nor anything through it', () => {
    symlinkSync(join(tmp, 'outside'), join(site, 'docs'));
    symlinkSync('/etc', join(site, 'etc'));
    symlinkSync('../outside', join(site, '2022', 'up'));
    expect(at('docs', '')).toBeUndefined();
    expect(at('docs')).toBeUndefined();
    expect(at('docs', 'secret.txt')).toBeUndefined();
    expect(at('etc', 'passwd')).toBeUndefined();
    expect(at('2022', 'up', 'secret.txt')).toBeUndefined();
    expect(at('2022', '')).toBe(join(site, '2022/index.html'));
  });

  it('the site folder may itself be a link (a publish DIR): what is inside its target is served', () => {
    const dir = join(tmp, 'www');
    symlinkSync(site, dir);
    expect(siteFile(dir, ['2022', ''])?.path).toBe(join(site, '2022/index.html'));
    symlinkSync(join(tmp, 'outside/secret.txt'), join(site, 'x.txt'));
    expect(siteFile(dir, ['x.txt'])).toBeUndefined();
    // A folder next to the site whose name begins with the site's is not inside it.
    mkdirSync(join(tmp, 'dist-other'));
    writeFileSync(join(tmp, 'dist-other/secret.txt'), 'secret');
    symlinkSync('../dist-other/secret.txt', join(site, 'y.txt'));
    expect(at('y.txt')).toBeUndefined();
  });

  it('a missing site folder or a dangling link: nothing, no throw', () => {
    symlinkSync(join(tmp, 'nowhere'), join(site, 'gone.html'));
    expect(at('gone.html')).toBeUndefined();
    expect(siteFile(join(tmp, 'no-site'), [''])).toBeUndefined();
  });
});
