import { exitOnError } from '@kuaibao/worker';
import { runServer } from './run-server';

/** `npm run api`: the API alone; the job workers are `npm run worker` on the same PostgreSQL database. */
runServer('api').catch(exitOnError);
