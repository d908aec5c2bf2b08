// Loaded with `node --import` (NODE_OPTIONS) by `bench/lib/built-server.ts` when a CPU profile is asked for: node 20 refuses
// --cpu-prof in NODE_OPTIONS. Profiles the whole process through the inspector and writes the profile when it exits.
import { Session } from 'node:inspector';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';

const dir = process.env.KUAIBAO_CPU_PROFILE_DIR;
// Only the server (npm and the build script inherit NODE_OPTIONS too).
if (dir && process.argv[1]?.includes('dist/server/')) {
  mkdirSync(dir, { recursive: true });
  const session = new Session();
  session.connect();
  session.post('Profiler.setSamplingInterval', { interval: 500 });
  session.post('Profiler.enable');
  session.post('Profiler.start');
  process.on('exit', () => {
    // The main thread's inspector session answers synchronously.
    session.post('Profiler.stop', (error, result) => {
      if (!error) writeFileSync(path.join(dir, `server-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
