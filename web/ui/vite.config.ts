/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The app is served by the EAR's web module at /feed/ (the Maven build copies target/ui into the WAR there).
// `npm run dev` serves it at http://localhost:5173/feed/ and forwards /api to a running Liberty (docs/feed.md, "UI").
const liberty = process.env.LIBERTY_URL ?? 'http://localhost:9080';

export default defineConfig({
  base: '/feed/',
  plugins: [react()],
  build: {
    outDir: '../target/ui',
    emptyOutDir: true,
    sourcemap: false,
  },
  server: {
    proxy: {
      '/api': { target: liberty, changeOrigin: false },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    restoreMocks: true,
    reporters: ['default', 'junit'],
    // Read by the CI summary beside the Java tests' reports.
    outputFile: { junit: '../target/surefire-reports/TEST-ui-vitest.xml' },
  },
});
