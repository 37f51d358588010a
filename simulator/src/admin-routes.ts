import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { accountHealthReport } from './judgement/account-health-report.js';
import { sellerMetrics } from './judgement/seller-metrics.js';
import type { ServerContext } from './server-context.js';
import type { Fault } from './world/faults.js';
import { faultProblem } from './world/world.js';

/** The admin API's error shape (not Amazon's: it is the simulator talking). */
const adminError = (reply: FastifyReply, status: number, error: string): FastifyReply =>
  reply.code(status).type('application/json').send({ error });

function jsonBody(request: FastifyRequest): Record<string, unknown> | null {
  const raw = request.body instanceof Buffer ? request.body.toString('utf8') : '';
  if (raw.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function clockView(ctx: ServerContext): { now: string } {
  return { now: ctx.world.clock.now().toISOString() };
}

/** `/_sim/...`: drive the world from outside the process (the same as the in-process SimWorld API). */
export function registerAdminRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { world } = ctx;
  const defaults = ctx.credentials[0];

  app.post('/_sim/seed', async (request, reply) => {
    const body = jsonBody(request);
    if (body === null) return adminError(reply, 400, 'body must be a JSON object');
    try {
      const result = world.seedOrders({
        sellerId: typeof body.sellerId === 'string' ? body.sellerId : (defaults?.sellerId ?? ''),
        marketplaceId:
          typeof body.marketplaceId === 'string' ? body.marketplaceId : (defaults?.marketplaceIds[0] ?? ''),
        count: typeof body.count === 'number' ? body.count : 50,
        spreadDays: typeof body.spreadDays === 'number' ? body.spreadDays : 30,
        seed: typeof body.seed === 'number' ? body.seed : 1,
      });
      return reply.code(200).send(result);
    } catch (error) {
      return adminError(reply, 400, (error as Error).message);
    }
  });

  app.get('/_sim/clock', async () => clockView(ctx));
  app.post('/_sim/clock', async (request, reply) => {
    const body = jsonBody(request);
    if (body === null) return adminError(reply, 400, 'body must be a JSON object');
    if (body.set !== undefined) {
      const at = typeof body.set === 'string' ? new Date(body.set) : new Date(Number.NaN);
      if (Number.isNaN(at.getTime())) return adminError(reply, 400, 'set must be an ISO 8601 date-time');
      world.clock.set(at);
    }
    if (body.advanceMs !== undefined) {
      if (typeof body.advanceMs !== 'number' || !Number.isFinite(body.advanceMs)) {
        return adminError(reply, 400, 'advanceMs must be a number of milliseconds');
      }
      world.clock.advance(body.advanceMs);
    }
    return clockView(ctx);
  });

  app.get('/_sim/requests', async () => ({ requests: world.requests() }));
  app.delete('/_sim/requests', async (_request, reply) => {
    world.log.clear();
    return reply.code(204).send();
  });

  app.get<{ Params: { orderId: string } }>('/_sim/orders/:orderId', async (request, reply) => {
    const order = world.getOrder(request.params.orderId);
    return order === undefined ? adminError(reply, 404, `no order ${request.params.orderId}`) : { order };
  });

  app.get<{ Querystring: { sellerId?: string; marketplaceId?: string } }>(
    '/_sim/metrics',
    async (request) => {
      const sellerId = request.query.sellerId ?? defaults?.sellerId ?? '';
      const marketplaceId = request.query.marketplaceId ?? defaults?.marketplaceIds[0] ?? '';
      return sellerMetrics(world, sellerId, marketplaceId);
    },
  );
  app.get<{ Querystring: { sellerId?: string } }>('/_sim/account-health', async (request) => {
    const sellerId = request.query.sellerId ?? defaults?.sellerId ?? '';
    const credentials = ctx.credentials.find((c) => c.sellerId === sellerId);
    const marketplaces = credentials?.marketplaceIds ?? [
      ...new Set(world.ordersOf(sellerId).map((o) => o.marketplaceId)),
    ];
    return accountHealthReport(world, sellerId, marketplaces);
  });

  app.get('/_sim/faults', async () => ({ faults: world.faults.list() }));
  app.post('/_sim/faults', async (request, reply) => {
    const body = jsonBody(request);
    if (body === null) return adminError(reply, 400, 'body must be a JSON object');
    if (typeof body.operation !== 'string' || body.operation === '') {
      return adminError(reply, 400, "operation must be an operationId (e.g. 'confirmShipment') or '*'");
    }
    const problem = faultProblem(body.fault);
    if (problem !== null) return adminError(reply, 400, problem);
    world.setFault(body.operation, body.fault as Fault);
    return { faults: world.faults.list() };
  });
  app.delete('/_sim/faults', async (_request, reply) => {
    world.clearFaults();
    return reply.code(204).send();
  });
}
