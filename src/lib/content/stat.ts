// Stat values: the YAML scalars in a report's `stats:` frontmatter (DESIGN.md "Stat value grammar").

export type StatValue =
  | { kind: 'exact'; value: number }
  | { kind: 'atLeast'; value: number }
  | { kind: 'masked'; digits: number; atLeast: boolean }
  | { kind: 'missing' };

export type StatParse = { ok: true; value: StatValue } | { ok: false; message: string; hint: string };

export const MISSING: StatValue = Object.freeze({ kind: 'missing' });

/** Masks longer than this are rejected: no yearly count has ten digits, so it is a typo. */
export const MAX_MASK_DIGITS = 9;

/** Every error hint ends with the valid forms, so an author never has to look them up. */
export const STAT_FORMS = '可写的形式：12（确切数）、"30+"（至少30，显示为30余）、"**"（已遮蔽，星号个数即位数）、"**+"（遮蔽的下限，显示为**余）、null（本年未报告）';

const NUMBER = String.raw`\d+(?:\.\d+)?`;
const LOWER_BOUND = '[+余多]';
const RE_EXACT = new RegExp(`^${NUMBER}$`);
const RE_AT_LEAST = new RegExp(`^(${NUMBER})\\s*${LOWER_BOUND}$`);
const RE_MASK = new RegExp(`^(\\*+)\\s*(${LOWER_BOUND})?$`);
const RE_REPEATED_SUFFIX = new RegExp(`^(${NUMBER})\\s*${LOWER_BOUND}{2,}$`);
const RE_THOUSANDS = new RegExp(`^\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?\\s*(${LOWER_BOUND})?$`);
const RE_UNIT = new RegExp(`^(${NUMBER})\\s*(${LOWER_BOUND})?\\s*([\\p{L}%‰]+)$`, 'u');
const RE_NEGATIVE = new RegExp(`^[-−]\\s*${NUMBER}`);
/** A signed figure (a metric with `signed: true`, such as 本年增/减): -18, −18 (U+2212), －18 (full width, normalised), +5. */
const RE_SIGNED = new RegExp(`^([-−+])\\s*(${NUMBER})$`);

/** How a stat may be read: `signed` for a metric whose figure can be below zero (metrics.yaml `signed: true`). */
export interface StatOptions {
  signed?: boolean;
}

const NEGATIVE_HINT = '统计的是件数、次数、人数等，请填写 0 或正数；确实可以为负的指标（如“本年增/减”），在 metrics.yaml 中为它写 signed: true';

function ok(value: StatValue): StatParse {
  return { ok: true, value };
}

function fail(message: string, advice: string): StatParse {
  return { ok: false, message, hint: `${advice}。${STAT_FORMS}` };
}

function quote(s: string): string {
  return `“${s}”`;
}

// Authors type in Chinese IMEs, which produce full-width digits, ＋, ＊, ，and ideographic spaces.
function normalise(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).trim();
}

/**
 * A double holds 15 significant digits exactly; past that a figure is stored as some other number and shown
 * as 1e+21. No yearly count or amount needs more, so more digits is a typo to point out, not to round.
 */
export const MAX_STAT_DIGITS = 15;

function significantDigits(decimal: string): number {
  return decimal.replace(/^[-+]/, '').replace('.', '').replace(/^0+/, '').length;
}

const tooManyDigits = (shown: string, digits: number) =>
  fail(`统计值 ${shown} 有 ${digits} 位有效数字，超过了 ${MAX_STAT_DIGITS} 位，无法准确保存和显示`, '检查是否多打了数字；很大的金额请换用更大的单位（如万元、亿元），写在 metrics.yaml 的 unit 里');

function parseNumber(n: number, opts: StatOptions = {}): StatParse {
  if (Number.isNaN(n)) return fail('统计值不是有效数字（NaN）', '请填写一个非负数');
  if (!Number.isFinite(n)) return fail(`统计值是无穷大（${n > 0 ? '' : '-'}.inf），不是有效数字`, '请填写一个有限的非负数');
  if (n < 0 && !opts.signed) return fail(`统计值不能为负数：${n}`, NEGATIVE_HINT);
  // A number that prints in exponent form (1e+21, 1e-7) or lost digits on the way in cannot be shown as written.
  if (Number.isInteger(n) && !Number.isSafeInteger(n)) return tooManyDigits(String(n), String(n).length);
  if (/e/i.test(String(n))) {
    return fail(`统计值 ${n} 太大或太小，显示出来会是科学计数法`, `请写成普通的十进制数字，不超过 ${MAX_STAT_DIGITS} 位有效数字`);
  }
  if (significantDigits(String(n)) > MAX_STAT_DIGITS) return tooManyDigits(String(n), significantDigits(String(n)));
  // -0 >= 0 holds, but would print as "0" and compare oddly; store a plain 0.
  return ok({ kind: 'exact', value: n === 0 ? 0 : n });
}

const RE_HEX = /^0x[0-9a-f]+$/i;
const RE_OCT = /^0o[0-7]+$/i;
const RE_EXPONENT = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)e[-+]?\d+$/i;

function parseString(raw: string, opts: StatOptions = {}): StatParse {
  const s = normalise(raw);
  if (s === '') return ok(MISSING);
  if (opts.signed) {
    const m = RE_SIGNED.exec(s);
    if (m) {
      if (significantDigits(m[2]!) > MAX_STAT_DIGITS) return tooManyDigits(s, significantDigits(m[2]!));
      const n = Number(m[2]);
      return ok({ kind: 'exact', value: m[1] === '+' || n === 0 ? n : -n });
    }
  }
  if (RE_EXACT.test(s)) return significantDigits(s) > MAX_STAT_DIGITS ? tooManyDigits(s, significantDigits(s)) : ok({ kind: 'exact', value: Number(s) });

  let m = RE_AT_LEAST.exec(s);
  if (m) return significantDigits(m[1]!) > MAX_STAT_DIGITS ? tooManyDigits(m[1]!, significantDigits(m[1]!)) : ok({ kind: 'atLeast', value: Number(m[1]) });

  // YAML 1.2 would read these as 31, 15 and 1e+21: the file no longer says what the report shows.
  if (RE_HEX.test(s) || RE_OCT.test(s)) {
    const n = Number(s.toLowerCase());
    return fail(`统计值 ${raw} 是${RE_HEX.test(s) ? '十六进制' : '八进制'}写法（会被读成 ${n}）`, `统计值只写十进制数字${n <= Number.MAX_SAFE_INTEGER ? `，如果是 ${n} 就写 ${n}` : ''}`);
  }
  if (RE_EXPONENT.test(s)) return fail(`统计值 ${raw} 是科学计数法写法`, '写出完整的十进制数字，如 1200 而不是 1.2e3；数字很大时检查是否多打了数字');

  m = RE_MASK.exec(s);
  if (m) {
    const digits = (m[1] ?? '').length;
    if (digits > MAX_MASK_DIGITS) {
      return fail(`遮蔽值${quote(raw)}有 ${digits} 个星号，最多 ${MAX_MASK_DIGITS} 个`, '星号个数表示数值的位数，如两位数写 "**"');
    }
    return ok({ kind: 'masked', digits, atLeast: m[2] !== undefined });
  }

  if (RE_NEGATIVE.test(s)) return fail(`统计值不能为负数：${quote(raw)}`, NEGATIVE_HINT);

  m = RE_REPEATED_SUFFIX.exec(s);
  if (m) return fail(`统计值${quote(raw)}的“+”“余”“多”重复了`, `“至少”只写一个后缀，如 "${m[1]}+"`);

  // Rejected rather than accepted: "1,5" would be ambiguous, and `check` must not rewrite what the author wrote.
  m = RE_THOUSANDS.exec(s);
  if (m) {
    const plain = s.replace(/,/g, '').replace(/\s+/g, '');
    return fail(`统计值${quote(raw)}含有千位分隔符（逗号）`, `去掉逗号，写成 ${m[1] ? `"${plain.slice(0, -1)}+"` : plain}`);
  }

  m = RE_UNIT.exec(s);
  if (m) {
    const written = m[2] ? `"${m[1]}+"` : m[1];
    return fail(`统计值${quote(raw)}带了单位“${m[3]}”`, `去掉单位，写成 ${written}；单位写在 metrics.yaml 该指标的 unit 里`);
  }

  if (/\*/.test(s) && /\d/.test(s)) {
    return fail(`统计值${quote(raw)}把星号和数字混在一起`, '遮蔽值只写星号（星号个数即位数），确切数只写数字');
  }

  return fail(`统计值${quote(raw)}无法识别`, '请只填写数字或下列约定的记号');
}

/**
 * Parses one `stats:` value as the YAML parser returned it. Never throws. Below zero only for a signed metric
 * (`opts.signed`), and then only an exact figure: “至少 −18” and a masked sign are not things a report writes.
 */
export function parseStat(raw: unknown, opts: StatOptions = {}): StatParse {
  if (raw === null || raw === undefined) return ok(MISSING);
  if (typeof raw === 'number') return parseNumber(raw, opts);
  if (typeof raw === 'bigint') return parseNumber(Number(raw), opts);
  if (typeof raw === 'string') return parseString(raw, opts);
  if (typeof raw === 'boolean') {
    return fail(
      `统计值是布尔值 ${raw}，不是数字`,
      'YAML 会把 true/false（旧版还有 yes/no、on/off）读成“是/否”；填数字，未报告写 null',
    );
  }
  if (Array.isArray(raw)) return fail('统计值是一个列表，应为单个值', '每个指标只写一个值，如 petitions-received: 12');
  if (raw instanceof Date) return fail('统计值被读成了日期', '请填写数字；如确需字面文字请加引号');
  if (typeof raw === 'object') {
    return fail('统计值是一个映射（键值对），应为单个值', '检查缩进：每个指标一行，写成 指标id: 值');
  }
  return fail(`统计值的类型（${typeof raw}）不正确`, '请填写数字或下列约定的记号');
}

/** How many decimals a number is written with: 3.12 → 2. Sums and differences are rounded to these. */
export function decimalPlaces(n: number): number {
  const s = String(n);
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/** A negative figure is written with a true minus sign (U+2212), as print does: −18, not -18. */
export const MINUS = '\u2212';

function formatNumber(n: number): string {
  return n < 0 ? `${MINUS}${String(-n)}` : String(n);
}

/** The text a reader sees. */
export function formatStat(v: StatValue): string {
  switch (v.kind) {
    case 'exact':
      return formatNumber(v.value);
    case 'atLeast':
      return `${formatNumber(v.value)}余`;
    case 'masked':
      return '*'.repeat(v.digits) + (v.atLeast ? '余' : '');
    case 'missing':
      return '—';
  }
}

function integerDigits(n: number): number {
  return String(Math.trunc(Math.abs(n))).length;
}

/**
 * The public-edition form: only the number of digits survives. For a signed figure the sign goes too (−18 and
 * 18 both become **): a masked 本年增/减 must not say whether the count went up or down.
 */
export function maskStat(v: StatValue): StatValue {
  switch (v.kind) {
    case 'exact':
      return { kind: 'masked', digits: integerDigits(v.value), atLeast: false };
    case 'atLeast':
      return { kind: 'masked', digits: integerDigits(v.value), atLeast: true };
    default:
      return v;
  }
}

/** Back to the form an author writes in frontmatter (for scaffolding the next year). */
export function writeStat(v: StatValue): number | string | null {
  switch (v.kind) {
    case 'exact':
      return v.value;
    case 'atLeast':
      return `${String(v.value)}+`;
    case 'masked':
      return '*'.repeat(v.digits) + (v.atLeast ? '+' : '');
    case 'missing':
      return null;
  }
}

/** The number to compute with; a lower bound counts as its bound. */
export function statNumber(v: StatValue): number | undefined {
  return v.kind === 'exact' || v.kind === 'atLeast' ? v.value : undefined;
}

/**
 * A report's value for a metric id, from its own keys only: stats are plain objects, and an id such as
 * `constructor` or `to-string` must not find Object.prototype's members (`id in stats` did).
 */
export function ownStat(stats: Readonly<Record<string, StatValue>>, id: string): StatValue | undefined {
  return Object.hasOwn(stats, id) ? stats[id] : undefined;
}

/** The metrics a report gives a value for (null included: written as not reported), in registry order. */
export function reportedMetrics<T extends { id: string }>(metrics: readonly T[], stats: Readonly<Record<string, StatValue>>): T[] {
  return metrics.filter((m) => ownStat(stats, m.id) !== undefined);
}
