import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { join } from 'node:path';

const content = process.env.NIANBAO_CONTENT;
if (!content) throw new Error('NIANBAO_CONTENT must name the content folder');

export const collections = { reports: defineCollection({ loader: glob({ pattern: '[0-9][0-9][0-9][0-9].mdx', base: join(content, 'reports') }) }) };
