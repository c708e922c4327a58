// Renderer build. The renderer lives in renderer/ and is built to dist/, which main/host serves
// over HTTP and Electron loads from a file/custom protocol (hence the relative base).
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
  server: {
    host: '127.0.0.1',
    strictPort: false,
    // In `vite dev`, forward the RPC calls to a running browser host (SHAHN_HOST=http://127.0.0.1:5199).
    proxy: process.env.SHAHN_HOST ? { '/rpc': { target: process.env.SHAHN_HOST, changeOrigin: false } } : undefined,
  },
});
