// Range headers as a careless client or an attacker sends them: never a throw, never a negative or
// out-of-file range; one satisfiable range is a part, a range past the end is a 416, the rest the whole file.
import { describe, expect, it } from 'vitest';
import { byteRange } from '../../src/lib/byte-range.ts';

const HUGE = '99999999999999999999';

describe('byteRange', () => {
  it('no header, another unit, or a malformed one: the whole file', () => {
    for (const h of [
      undefined,
      '',
      'items=0-1',
      'bytes',
      'bytes=',
      'bytes=-',
      'bytes=abc',
      'bytes=1-2-3',
      'bytes=0x1-2',
      'bytes=1e3-',
      'bytes=+1-2',
      'bytes=-+5',
      'bytes=1.5-2',
      'bytes=0-1,',
      'bytes=,0-1',
      'bytes=0-1;2-3',
      'bytes=５-６', // full-width digits
    ]) {
      expect(byteRange(h, 10), String(h)).toEqual({ kind: 'whole' });
    }
  });

  it('last-pos before first-pos makes the header invalid: the whole file', () => {
    expect(byteRange('bytes=5-2', 10)).toEqual({ kind: 'whole' });
    expect(byteRange(`bytes=${HUGE}-5`, 10)).toEqual({ kind: 'whole' });
    expect(byteRange('bytes=0-1,5-2', 10)).toEqual({ kind: 'whole' });
  });

  it('one range inside the file: that part, clamped to the file', () => {
    expect(byteRange('bytes=0-4', 10)).toEqual({ kind: 'part', start: 0, end: 4 });
    expect(byteRange('bytes=0-0', 10)).toEqual({ kind: 'part', start: 0, end: 0 });
    expect(byteRange('bytes=9-', 10)).toEqual({ kind: 'part', start: 9, end: 9 });
    expect(byteRange('bytes=3-', 10)).toEqual({ kind: 'part', start: 3, end: 9 });
    expect(byteRange('bytes=3-20', 10)).toEqual({ kind: 'part', start: 3, end: 9 });
    expect(byteRange(`bytes=0-${HUGE}`, 10)).toEqual({ kind: 'part', start: 0, end: 9 });
    expect(byteRange('BYTES=1-2', 10)).toEqual({ kind: 'part', start: 1, end: 2 });
    expect(byteRange(' bytes=1-2 ', 10)).toEqual({ kind: 'part', start: 1, end: 2 });
  });

  it('a suffix: the last N bytes; longer than the file (however long) means all of it', () => {
    expect(byteRange('bytes=-3', 10)).toEqual({ kind: 'part', start: 7, end: 9 });
    expect(byteRange('bytes=-10', 10)).toEqual({ kind: 'part', start: 0, end: 9 });
    expect(byteRange('bytes=-11', 10)).toEqual({ kind: 'part', start: 0, end: 9 });
    expect(byteRange(`bytes=-${HUGE}`, 10)).toEqual({ kind: 'part', start: 0, end: 9 });
    expect(byteRange(`bytes=-${'9'.repeat(400)}`, 10)).toEqual({ kind: 'part', start: 0, end: 9 });
  });

  it('nothing of the file in range: 416', () => {
    expect(byteRange('bytes=10-', 10)).toEqual({ kind: 'unsatisfiable' });
    expect(byteRange('bytes=10-20', 10)).toEqual({ kind: 'unsatisfiable' });
    expect(byteRange(`bytes=${HUGE}-`, 10)).toEqual({ kind: 'unsatisfiable' });
    expect(byteRange(`bytes=${HUGE}-${HUGE}9`, 10)).toEqual({ kind: 'unsatisfiable' });
    expect(byteRange('bytes=-0', 10)).toEqual({ kind: 'unsatisfiable' });
    expect(byteRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
    expect(byteRange('bytes=-5', 0)).toEqual({ kind: 'unsatisfiable' });
    expect(byteRange('bytes=10-11,20-', 10)).toEqual({ kind: 'unsatisfiable' });
  });

  it('several ranges: the whole file (no multipart answer), however many', () => {
    expect(byteRange('bytes=0-1,3-4', 10)).toEqual({ kind: 'whole' });
    expect(byteRange('bytes=0-1, 20-30', 10)).toEqual({ kind: 'whole' });
    expect(byteRange(`bytes=${Array.from({ length: 2000 }, (_, i) => `${i}-${i}`).join(',')}`, 10)).toEqual({ kind: 'whole' });
  });
});
