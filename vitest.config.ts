/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// getViteConfig gives tests the same module resolution as the site (Astro's testing pattern).
export default getViteConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // Browser and build tests share built sites; a few workers keep the 2-core machine responsive.
    maxWorkers: 2,
  },
});
