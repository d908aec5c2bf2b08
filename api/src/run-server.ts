import path from 'node:path';
import { databaseTargetFromEnv, DEMO_PASSWORD, DEMO_USERS } from '@kuaibao/db';
import { stopOnSignals } from '@kuaibao/worker';
import { loadConfig, type Config } from './config';
import { startServer } from './server';
import { isWebAppBuilt, serveWebApp } from './web/serve-web-app';

/**
 * all-in-one: `npm start`, the job workers in this process (embedded engine unless ZEEBE_ADDRESS is set).
 * api: `npm run api`, no job workers here — they are `npm run worker`, on the same PostgreSQL database.
 */
export type RunMode = 'all-in-one' | 'api';

/** The configuration of a mode; `npm run api` refuses a database its worker could not share. */
export function configFor(mode: RunMode, env: NodeJS.ProcessEnv = process.env): Config {
  const config = loadConfig(env);
  if (mode === 'all-in-one') return config;
  if (databaseTargetFromEnv(env).kind !== 'postgres') {
    throw new Error(
      'Invalid configuration: DATABASE_URL: required. `npm run api` runs without job workers, which run in `npm run worker` ' +
        'on the same database, and only PostgreSQL can be shared by two processes (PGlite under ./data opens in one process at a time). ' +
        'Set DATABASE_URL, or run everything in one process with `npm start`.',
    );
  }
  return { ...config, KUAIBAO_EMBEDDED_WORKERS: false };
}

/** Starts the API in `mode`, prints where it is, and shuts down cleanly on SIGINT/SIGTERM. */
export async function runServer(mode: RunMode): Promise<void> {
  const config = configFor(mode);
  const web = isWebAppBuilt() ? serveWebApp() : undefined;
  if (!web) console.warn('[api] the web app is not built (web/dist): run `npm run build --workspace web`; serving the API only');
  const server = await startServer({ config, ...(web && { web }) });
  const engine = config.zeebe ? `Zeebe (${config.zeebe.ZEEBE_ADDRESS})` : 'embedded';
  const workers = config.KUAIBAO_EMBEDDED_WORKERS ? 'in this process' : '`npm run worker`';
  console.log(`快报 kuaibao 已启动 / started: ${server.url}${web ? '  (网页 web app: /)' : ''}`);
  const target = databaseTargetFromEnv();
  const database = target.kind === 'pglite' ? `PGlite (${target.dataDir ? path.relative(process.cwd(), target.dataDir) || '.' : '内存 in memory'})` : 'PostgreSQL (DATABASE_URL)';
  console.log(`  数据库 database: ${database}; 流程引擎 engine: ${engine}; 作业 workers: ${workers}`);
  console.log(`  API 文档 docs: ${server.url}/api/docs   健康检查 health: ${server.url}/api/health`);
  if (config.KUAIBAO_DEMO_DATA) {
    console.log(`  演示账号 demo accounts (密码 password: ${DEMO_PASSWORD}):`);
    for (const user of DEMO_USERS) console.log(`    ${user.username.padEnd(18)} ${user.displayName}  ${user.roles.join(', ')}  (${user.unitId})`);
  }
  if (server.firstAdmin) {
    const { username, password, generated } = server.firstAdmin;
    console.log('  空安装：已创建首个系统管理员 / empty installation: the first system administrator was created');
    console.log(`    用户名 username: ${username}   初始密码 initial password: ${generated ? password : '（KUAIBAO_ADMIN_PASSWORD）'}`);
    console.log('    首次登录须修改密码；此密码仅显示这一次 / change it at the first login; it is shown only this once');
    console.log('    然后在“机构管理 → 导入导出”导入单位和人员 / then import units and people under 机构管理 → 导入导出 (POST /api/admin/import)');
  }
  stopOnSignals(() => server.close(), (signal) => `${signal}: shutting down`);
}
