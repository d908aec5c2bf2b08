import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** `npm run dev --workspace web`: the app on :5173, /api proxied to `npm start` on :3000 (SSE included). */
export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': { target: process.env.KUAIBAO_API ?? 'http://localhost:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    rollupOptions: {
      // zod ships comments Rollup cannot place (harmless); keep the build output to what matters.
      onwarn(warning, warn) {
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules')) return;
        warn(warning);
      },
      output: {
        manualChunks: (id) => {
          if (/node_modules\/(bpmn-js|diagram-js|bpmn-moddle|moddle|min-dash|tiny-svg|min-dom|didi|ids|path-intersection|saxen|moddle-xml)\//.test(id)) return 'bpmn';
          if (/node_modules\/(antd|@ant-design|rc-|@rc-component)/.test(id)) return 'antd';
          return undefined;
        },
      },
    },
  },
});
