import { sendFirstRequests } from './first-requests';
import './styles.css';

// The first chunk is a few KB: it asks for a returning user's data before the app's code (boot.tsx) has arrived,
// which the server has the browser fetch at once beside it (api/src/web/route-preloads.ts).
sendFirstRequests(window.location);
void import('./boot');
