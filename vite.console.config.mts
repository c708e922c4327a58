// The head office's web console (head-office/console/web), built to dist-console/ and served by
// the head office at /console/ (head-office/console/web-app.ts). Separate from the counter's
// renderer build (vite.config.mts): another app, another origin, another base path.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'head-office/console/web',
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: '../../../dist-console',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
  server: {
    host: '127.0.0.1',
    // In `vite dev`, the API of a running head office (HEAD_OFFICE_URL=http://127.0.0.1:7310).
    proxy: process.env.HEAD_OFFICE_URL ? { '/console/api': { target: process.env.HEAD_OFFICE_URL, changeOrigin: false } } : undefined,
  },
});
