import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** The task pane, built into dist/word-addin/ and served by the registry under /word/. */
export default defineConfig({
  root: here('.'),
  base: '/word/',
  publicDir: here('./public'),
  plugins: [react()],
  resolve: { alias: { '@shared': here('../shared') } },
  build: {
    outDir: here('../dist/word-addin'),
    emptyOutDir: true,
    // One bundle (~280 kB gzipped: Fluent UI, the playbook engine and the starter libraries), served by the
    // registry on the user's network and cached by Word's web view.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: { input: { taskpane: here('./taskpane.html') } },
  },
});
