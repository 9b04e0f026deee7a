import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** End-to-end tests in Chromium against the built add-in and extension; run after `npm run build`. */
export default defineConfig({
  resolve: { alias: { '@shared': here('./shared'), '@server': here('./server') } },
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
