import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Served by the gateway at /dashboard/ (npm start); `npm run dev --workspace @klynge/dashboard`
// runs Vite's dev server, which hands /graphql to the gateway on GATEWAY_URL (default :4000).
export default defineConfig({
  base: '/dashboard/',
  plugins: [react()],
  // One React: the dashboard's own (19). The workspace root holds another one for GraphiQL,
  // which libraries installed there (wouter) would otherwise pick up.
  resolve: { dedupe: ['react', 'react-dom'] },
  // ECharts (the parts the pages use), React and FormatJS (react-intl) are most of the bundle, about 300 kB gzipped.
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1_000 },
  server: {
    proxy: { '/graphql': process.env.GATEWAY_URL ?? 'http://localhost:4000' },
  },
});
