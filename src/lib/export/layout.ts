// The 公文 page after GB/T 9704—2012 (党政机关公文格式) as offices apply it to their yearly reports, in one
// place for the Word writer and the PDF's CSS: A4, 版心 156 × 225 mm (top margin 37 mm, left 28 mm), 22 lines
// of 28 characters in 3号 (16 pt) 仿宋, the title in 2号 (22 pt) 小标宋, 一级标题 黑体, 二级标题 楷体, page
// numbers “— 1 —” in 4号 (14 pt) 宋体 7 mm below the 版心, odd pages on the right and even pages on the left.

export const PAGE_MM = { width: 210, height: 297 } as const;
/** 版心 156 × 225 mm: 天头 37 mm, 订口 28 mm. */
export const MARGIN_MM = { top: 37, left: 28, right: 210 - 28 - 156, bottom: 297 - 37 - 225 } as const;
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;
/** 225 mm / 22 lines ≈ 28.95 pt: the exact line height offices set in Word (固定值 28.95 磅). */
export const LINE_PT = 28.95;
/**
 * 28 characters of 16 pt are 448 pt, the 版心 is 442 pt wide: each character is set 0.25 pt closer (字符间距紧缩
 * 0.25 磅), which every word processor honours, where Word's character grid is read differently by each.
 */
export const CHAR_SPACING_PT = -0.25;

export const SIZE_PT = {
  /** 2号 */
  title: 22,
  /** 3号 */
  body: 16,
  /** 4号 */
  pageNumber: 14,
  /** 5号: the national format's tables are set smaller than the text so their columns fit the 版心. */
  table: 10.5,
  /** 小4: the running notice of the internal edition. */
  notice: 12,
} as const;

/**
 * The faces, each with the substitutes used where it is not installed: the 方正/GB2312 faces offices
 * use, then Windows', macOS's and finally the freely licensed Noto CJK faces (the PDF embeds those).
 */
export const FONTS = {
  title: ['方正小标宋简体', '方正小标宋_GBK', '华文中宋', 'STZhongsong', '宋体', 'SimSun', 'Noto Serif CJK SC'],
  body: ['仿宋_GB2312', '仿宋', 'FangSong', 'STFangsong', 'Noto Serif CJK SC'],
  heading1: ['黑体', 'SimHei', 'STHeiti', 'Noto Sans CJK SC'],
  heading2: ['楷体_GB2312', '楷体', 'KaiTi', 'STKaiti', 'Noto Serif CJK SC'],
  pageNumber: ['宋体', 'SimSun', 'Noto Serif CJK SC'],
  /** Figures and Latin letters in the body, as Word templates for 公文 set them. */
  latin: ['Times New Roman', 'Liberation Serif', 'Noto Serif'],
} as const;

/** The page number as 公文 write it: a 一字线 on each side. */
export function pageNumberText(n: number | string): string {
  return `— ${n} —`;
}

export const MM_TO_TWIP = 1440 / 25.4;
export const twip = (mm: number): number => Math.round(mm * MM_TO_TWIP);
