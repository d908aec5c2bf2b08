import { loadWorkerConfig } from './config';
import { exitOnError, stopOnSignals } from './process-lifecycle';
import { startWorkerProcess } from './worker-process';

/** `npm run worker`: the job workers as their own process (production: beside `npm run api`). */
async function run() {
  const config = loadWorkerConfig();
  const worker = await startWorkerProcess(config);
  const database = `PostgreSQL${config.database.schema ? ` (schema ${config.database.schema})` : ''}`;
  const engine = worker.engine.kind === 'zeebe' ? `Zeebe (${config.zeebe?.ZEEBE_ADDRESS})` : 'embedded (shared database)';
  console.log(`快报 kuaibao worker 已启动 / started: ${config.WORKER_NAME}`);
  console.log(`  流程引擎 engine: ${engine}; 数据库 database: ${database}`);
  console.log(`  任务类型 job types: ${worker.taskTypes.join(', ')}`);
  console.log(`  健康检查 health: ${worker.health.url}`);
  stopOnSignals(() => worker.close(), (signal) => `${signal}: stopping the worker (finishing jobs in flight)`);
}

run().catch(exitOnError);
