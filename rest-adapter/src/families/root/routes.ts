import { z } from 'zod';
import { localRoute, rateLimit, type Route } from '../../framework/route';
import { ccoAdmin } from '../cco-admin/cco-admin.family';

/** Root routes decisions.md adds: the CCO walk-through checks `GET /health` before anything else. */
export const rootRoutes: Route[] = [
  localRoute({
    method: 'GET',
    path: '/health',
    family: ccoAdmin,
    summary: 'Liveness',
    description: 'Answers 200 `{status:"ok"}` while the adapter serves; component health is GET /api/health.',
    raw: true,
    auth: false,
    rateLimit: rateLimit.none,
    response: z.object({ status: z.literal('ok') }),
    run: () => Promise.resolve({ body: { status: 'ok' } }),
  }),
];
