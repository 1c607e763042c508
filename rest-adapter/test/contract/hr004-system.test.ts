import { useTestPlatform } from '../support/platform';
import { call, hrOk, ISO_UTC } from '../support/contract';

const platform = useTestPlatform();

describe('system routes', () => {
  it('GET /api/health answers the documented body with the platform checks', async () => {
    const res = await call(platform.app, 'GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: 'healthy',
      timestamp: expect.stringMatching(ISO_UTC),
      version: expect.any(String),
      checks: expect.objectContaining({ database: 'healthy', router: 'healthy' }),
      uptime: expect.any(Number),
    });
  });

  it('GET /api/info answers only what the 004 document shows (no runtime versions for anonymous callers)', async () => {
    const res = await call(platform.app, 'GET', '/api/info');
    expect(res.status).toBe(200);
    expect(res.body).toEqual(
      hrOk({
        app_name: expect.any(String),
        version: expect.any(String),
        environment: 'development',
        build_time: expect.stringMatching(ISO_UTC),
      }),
    );
    expect(JSON.stringify(res.body)).not.toContain(process.versions.node);
  });

  it('GET /health at the root is {status:"ok"}', async () => {
    expect(await call(platform.app, 'GET', '/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
  });
});
