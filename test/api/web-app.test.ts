import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveWebApp, type RunningServer } from '@kuaibao/api';
import { client } from './client';
import { startTestServer } from './server';

describe('the web app served by the API process (startServer web option)', () => {
  let server: RunningServer;
  const dist = mkdtempSync(path.join(tmpdir(), 'kuaibao-web-'));
  beforeAll(async () => {
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(path.join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(path.join(dist, 'favicon.svg'), '<svg/>');
    server = await startTestServer({ web: serveWebApp(dist) });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('answers every page of the app with index.html, never cached', async () => {
    for (const page of ['/', '/inbox', '/tasks/123', '/incidents/KB-530902-20261122-0001']) {
      const response = await client(server.url).request('GET', page);
      expect(response.status, page).toBe(200);
      expect(response.body).toContain('<div id="root">');
      expect(response.headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('serves hashed assets for a year, and a missing file or API route as 404', async () => {
    const asset = await client(server.url).request('GET', '/assets/index-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await client(server.url).request('GET', '/favicon.svg')).status).toBe(200);
    expect((await client(server.url).request('GET', '/assets/missing.js')).status).toBe(404);
    expect((await client(server.url).request('GET', '/missing.png')).status).toBe(404);
    const api = await client(server.url).request('GET', '/api/nothing-here');
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('refuses to start without a build, naming the command', () => {
    expect(() => serveWebApp(path.join(dist, 'nope'))).toThrow(/npm run build --workspace web/);
  });
});
