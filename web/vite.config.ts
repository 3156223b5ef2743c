// Builds the web app (web/) into dist/web, which `wirecoder serve --web dist/web` serves.
// Everything is bundled (the world map too): the app makes no request but to its own server.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 600,
  },
  server: {
    // `npx vite --config web/vite.config.ts` during development: the API from a running `wirecoder serve`
    proxy: { '/api': process.env['WIRECODER_API'] ?? 'http://127.0.0.1:8080' },
  },
});
