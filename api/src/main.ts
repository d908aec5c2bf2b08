import { DEMO_PASSWORD, LINCANG_USERS } from '@kuaibao/db';
import { startServer } from './server';
import { isWebAppBuilt, serveWebApp } from './web/serve-web-app';

async function run() {
  const web = isWebAppBuilt() ? serveWebApp() : undefined;
  if (!web) console.warn('[api] the web app is not built (web/dist): run `npm run build --workspace web`; serving the API only');
  const server = await startServer({ ...(web && { web }) });
  const { deps } = server;
  console.log(`快报 kuaibao 已启动 / started: ${server.url}${web ? '  (网页 web app: /)' : ''}`);
  console.log(`  数据库 database: ${deps.db.kind === 'pglite' ? 'PGlite (./data/pglite)' : 'PostgreSQL (DATABASE_URL)'}; 流程引擎 engine: embedded`);
  console.log(`  API 文档 docs: ${server.url}/api/docs   健康检查 health: ${server.url}/api/health`);
  if (deps.config.KUAIBAO_DEMO_DATA) {
    console.log(`  演示账号 demo accounts (密码 password: ${DEMO_PASSWORD}):`);
    for (const user of LINCANG_USERS) console.log(`    ${user.username.padEnd(18)} ${user.displayName}  ${user.roles.join(', ')}  (${user.unitId})`);
  }
  const shutdown = (signal: string) => {
    console.log(`${signal}: shutting down`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

run().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
