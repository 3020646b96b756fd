import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { CSP_NONCE_PLACEHOLDER } from './src/http/web-index.js';

export default defineConfig({
  root: 'web',
  plugins: [react()],
  // the server puts each response's Content-Security-Policy nonce in its place
  html: { cspNonce: CSP_NONCE_PLACEHOLDER },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': 'http://localhost:3000', '/v1.0': 'http://localhost:3000' } },
});
