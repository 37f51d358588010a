import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../server-context.js';
import { requestOperation } from '../sp-api-dispatch.js';

/**
 * `GET /carriers/v1/tracking/{trackingNumber}?carrier=NAME`: scan history shaped like a carrier
 * tracking API, for the product's scan adapter. No credentials: the simulated carriers are open.
 */
export function registerCarrierRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get<{ Params: { trackingNumber: string }; Querystring: { carrier?: string } }>(
    '/carriers/v1/tracking/:trackingNumber',
    async (request, reply) => {
      requestOperation.set(request, 'carrierTracking');
      const { trackingNumber } = request.params;
      const wanted = new URLSearchParams(request.url.split('?')[1] ?? '').get('carrier');
      const matches = ctx.world
        .packagesByTracking(trackingNumber)
        .map(({ pkg }) => ({
          pkg,
          carrier: pkg.carrierCode === 'Other' ? (pkg.carrierName ?? 'Other') : pkg.carrierCode,
        }))
        .filter((m) => wanted === null || m.carrier.toLowerCase() === wanted.toLowerCase());
      const match = matches[matches.length - 1];
      const history = match === undefined ? undefined : ctx.world.scans(match.pkg);
      if (match === undefined || history === undefined || history.status === 'NOT_FOUND') {
        return reply
          .code(404)
          .send({ trackingNumber, status: 'NOT_FOUND', error: 'No parcel with this tracking number.' });
      }
      return reply
        .code(200)
        .send({ trackingNumber, carrier: match.carrier, status: history.status, events: history.events });
    },
  );
}
