import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './precompress';

/** `npm run dev --workspace web`: the app on :5173, /api proxied to `npm start` on :3000 (SSE included). */
export default defineConfig({
  plugins: [react(), precompress()],
  server: {
    port: 5173,
    proxy: { '/api': { target: process.env.KUAIBAO_API ?? 'http://localhost:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    // dist/.vite/manifest.json: the server preloads a page's chunks for a browser with a session (docs/adr/0060)
    manifest: true,
    rollupOptions: {
      // @kuaibao/domain builds its zod schemas at module level, which Rollup must otherwise keep as side effects:
      // the login page would carry every schema (and zod) for the few labels it uses.
      treeshake: { moduleSideEffects: (id) => !id.includes('/packages/domain/') },
      // zod ships comments Rollup cannot place (harmless); keep the build output to what matters.
      onwarn(warning, warn) {
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules')) return;
        warn(warning);
      },
      output: {
        // The diagram libraries go in one chunk of their own (only the pages with a diagram load it). Ant Design is
        // left to Rollup, which splits it by page (the pages are loaded lazily, app.tsx): the login page loads the
        // components it uses, not all of them (issue 20: the whole antd chunk, 1.3 MB, made it take 10 s at 1.6 Mbps).
        manualChunks: (id) => {
          if (/node_modules\/(bpmn-js|diagram-js|bpmn-moddle|moddle|moddle-xml)\//.test(id)) return 'bpmn';
          // clsx is shared by antd and diagram-js: left to Rollup it landed in the diagram chunk, which the login page then loaded
          if (/node_modules\/clsx\//.test(id)) return 'clsx';
          // the statistics charts (定期统计): only that tab loads them
          if (/node_modules\/(echarts|zrender)\//.test(id)) return 'echarts';
          return undefined;
        },
      },
    },
  },
});
