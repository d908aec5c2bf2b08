import { describe, expect, it } from 'vitest';
import { configFor } from './run-server';

const POSTGRES = { DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/test' };

describe('configFor', () => {
  it('npm start: the embedded engine with its workers in-process, and nothing to set', () => {
    expect(configFor('all-in-one', {})).toMatchObject({ KUAIBAO_EMBEDDED_WORKERS: true, zeebe: null, PORT: 3000 });
  });

  it('npm run api: no job workers in-process, whatever KUAIBAO_EMBEDDED_WORKERS says', () => {
    expect(configFor('api', { ...POSTGRES, KUAIBAO_EMBEDDED_WORKERS: 'true' })).toMatchObject({ KUAIBAO_EMBEDDED_WORKERS: false, zeebe: null });
  });

  it('selects Zeebe when ZEEBE_ADDRESS is set, in either mode', () => {
    expect(configFor('api', { ...POSTGRES, ZEEBE_ADDRESS: 'zeebe:26500' }).zeebe).toMatchObject({ ZEEBE_ADDRESS: 'zeebe:26500', ZEEBE_REST_ADDRESS: 'http://localhost:8080' });
    expect(configFor('all-in-one', { ZEEBE_ADDRESS: 'zeebe:26500' }).zeebe).toMatchObject({ ZEEBE_ADDRESS: 'zeebe:26500' });
  });

  it('npm run api refuses PGlite, naming DATABASE_URL: its worker could not share the database', () => {
    expect(() => configFor('api', {})).toThrow(/^Invalid configuration: DATABASE_URL: required\. .*PGlite .*npm start/);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ KUAIBAO_EMBEDDED_WORKERS: 'yes' }, 'KUAIBAO_EMBEDDED_WORKERS'],
    [{ ZEEBE_ADDRESS: 'zeebe:26500', ZEEBE_REST_ADDRESS: 'not a url' }, 'ZEEBE_REST_ADDRESS'],
    [{ ZEEBE_ADDRESS: 'zeebe:26500', CAMUNDA_AUTH_STRATEGY: 'OAUTH' }, 'ZEEBE_CLIENT_ID'],
    [{ DATABASE_URL: 'postgres without a scheme' }, 'DATABASE_URL'],
    [{ KUAIBAO_ADMIN_USERNAME: 'Admin Wang' }, 'KUAIBAO_ADMIN_USERNAME'],
    [{ KUAIBAO_ADMIN_PASSWORD: 'password' }, 'KUAIBAO_ADMIN_PASSWORD'],
  ])('refuses %j naming %s', (bad, variable) => {
    expect(() => configFor('api', { ...POSTGRES, ...bad })).toThrow(new RegExp(`^Invalid (database |Zeebe )?configuration: .*${variable}`));
  });
});
