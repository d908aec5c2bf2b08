export { startServer, type FirstAdminAccount, type RunningServer, type StartOptions } from './server';
export { createApp } from './app';
export { loadConfig, type Config } from './config';
export { hashPassword } from './auth/password';
export { serveWebApp, isWebAppBuilt, WEB_DIST_DIR } from './web/serve-web-app';
export { createEngineInbox } from './inbox/engine-inbox';
