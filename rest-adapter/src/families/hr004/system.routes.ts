import { z } from 'zod';
import { localRoute, rateLimit } from '../../framework/route';
import { hr004 } from './hr004.family';
import { isoTime } from './hr004.shapes';

const healthStatus = z.enum(['healthy', 'unhealthy']);

export const hrSystemRoutes = [
  localRoute({
    method: 'GET',
    path: '/api/health',
    family: hr004,
    summary: '健康检查',
    description:
      'Not enveloped, as documented. `checks` holds `database` and `redis` (as the deployment reports them) and ' +
      '`router` (the graph answers); 503 with status `unhealthy` when any check fails. `uptime` in seconds.',
    raw: true,
    auth: false,
    rateLimit: rateLimit.none,
    response: z.object({
      status: healthStatus,
      timestamp: isoTime,
      version: z.string(),
      checks: z.record(z.string(), healthStatus),
      uptime: z.number().int(),
    }),
    run: async (_input, deps) => {
      const checks = await deps.health();
      const healthy = Object.values(checks).every((s) => s === 'healthy');
      return {
        status: healthy ? 200 : 503,
        body: {
          status: healthy ? 'healthy' : 'unhealthy',
          timestamp: hr004.time(new Date()),
          version: deps.app.version,
          checks,
          uptime: Math.floor((Date.now() - deps.startedAt.getTime()) / 1000),
        },
      };
    },
  }),
  localRoute({
    method: 'GET',
    path: '/api/info',
    family: hr004,
    summary: '系统信息',
    description:
      'The fields the document shows that hold for this platform. Runtime versions are not told (the document\'s ' +
      'python_version / fastapi_version have no counterpart here): an anonymous caller learns nothing to target.',
    auth: false,
    rateLimit: rateLimit.normal,
    response: z.object({
      app_name: z.string(),
      version: z.string(),
      environment: z.string(),
      build_time: isoTime,
    }),
    run: (_input, deps) =>
      Promise.resolve({
        body: {
          app_name: deps.app.name,
          version: deps.app.version,
          environment: deps.app.environment,
          build_time: hr004.time(deps.app.buildTime),
        },
      }),
  }),
];
