// Which bytes of a file a `Range` header asks for (RFC 9110 §14.1.2), judged strictly before anything is
// read. `npm start`'s server used sirv's reading of it, which took `bytes=-N` for the first N bytes and
// handed `bytes=-99999999999999999999` or `bytes=5-2` straight to createReadStream, whose throw cut the
// connection. A static site needs no more than one range: anything else is answered with the whole file,
// as the RFC allows a server to; a range wholly past the end is a 416.

export type ByteRange =
  /** Ignore the header: send the whole file (200). */
  | { kind: 'whole' }
  /** Send bytes start..end, both included (206). */
  | { kind: 'part'; start: number; end: number }
  /** Nothing of the file is in the range (416, `Content-Range: bytes *\/size`). */
  | { kind: 'unsatisfiable' };

// One byte-range-spec: first-pos "-" [last-pos], or a suffix "-" length. Digits only: no signs, spaces,
// exponents or hex, which parseInt would read a prefix of.
const SPEC = /^(\d*)-(\d*)$/;

/** `header` as received (undefined when absent), `size` the file's length in bytes. */
export function byteRange(header: string | undefined, size: number): ByteRange {
  if (header === undefined) return { kind: 'whole' };
  const m = /^bytes=(.*)$/i.exec(header.trim());
  // Another unit (or none): a server must ignore what it does not understand.
  if (!m) return { kind: 'whole' };
  const specs = (m[1] as string).split(',').map((s) => s.trim());
  const parsed: { first?: number; last?: number }[] = [];
  for (const spec of specs) {
    const s = SPEC.exec(spec);
    if (!s || (s[1] === '' && s[2] === '')) return { kind: 'whole' };
    // Number() of a 30-digit string is a huge float, not a wrap-around: comparisons with size stay right.
    const first = s[1] === '' ? undefined : Number(s[1]);
    const last = s[2] === '' ? undefined : Number(s[2]);
    // last-pos before first-pos makes the whole header invalid: ignored.
    if (first !== undefined && last !== undefined && last < first) return { kind: 'whole' };
    parsed.push({ first, last });
  }
  const satisfiable = parsed.flatMap(({ first, last }): { start: number; end: number }[] => {
    if (first === undefined) {
      // Suffix: the last N bytes; longer than the file means all of it; N = 0 means none.
      const n = last as number;
      return n > 0 && size > 0 ? [{ start: Math.max(0, size - n), end: size - 1 }] : [];
    }
    return first < size ? [{ start: first, end: Math.min(last ?? size - 1, size - 1) }] : [];
  });
  if (satisfiable.length === 0) return { kind: 'unsatisfiable' };
  // Several ranges would need a multipart answer; the whole file serves any client that asked for them.
  if (parsed.length > 1) return { kind: 'whole' };
  const [only] = satisfiable as [{ start: number; end: number }];
  return { kind: 'part', ...only };
}
