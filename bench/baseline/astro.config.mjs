// The bare baseline `npm run bench` compares nianbao with: the same MDX files built by plain Astro + MDX
// (the defaults, one page per report), then the Pagefind CLI over the output. Same Astro, MDX and
// Pagefind versions as nianbao (this folder has no node_modules of its own; it resolves the project's).
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  integrations: [mdx()],
  vite: { server: { fs: { allow: [process.env.NIANBAO_CONTENT ?? '.'] } } },
});
