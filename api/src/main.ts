import { exitOnError } from '@kuaibao/worker';
import { runServer } from './run-server';

/** `npm start`: the whole system in one process. */
runServer('all-in-one').catch(exitOnError);
