import { loadDemoData } from '../seed/demo-lincang';
import type { TestTemplate } from './template-database';

/** The 临沧 demo tree and users, passwords stored as given (tests that never log in): what flow tests start from. */
export const DEMO_TEMPLATE: TestTemplate = {
  name: 'demo-plain-passwords',
  seed: (prisma) => loadDemoData(prisma, async (password) => password),
};
