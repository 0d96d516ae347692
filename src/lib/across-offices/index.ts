// The portal's cross-office views (DESIGN.md "Portal"), one module each: the pages import from here.
export * from './offices.ts';
export * from './coverage.ts';
export * from './figures.ts';
export * from './rates.ts';
export * from './review.ts';
export * from './compare.ts';
