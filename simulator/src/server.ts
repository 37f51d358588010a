import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import { registerAdminRoutes } from './admin-routes.js';
import { exchangeToken, parseLwaBody } from './auth/lwa-token-exchange.js';
import { registerCarrierRoutes } from './carriers/carrier-routes.js';
import {
  errorForStatus,
  invalidInput,
  requestTooLarge,
  type SpApiError,
  unsupportedMediaType,
} from './errors.js';
import { registerDocumentRoutes } from './feeds/document-routes.js';
import type { ServerContext } from './server-context.js';
import { dispatchSpApi, requestOperation } from './sp-api-dispatch.js';

/** Largest request body accepted, in bytes; Amazon refuses larger ones with 413. */
export const MAX_BODY_BYTES = 1_048_576;

/** Simulated arrival time (epoch ms) of each request, for the request log. */
const arrivals = new WeakMap<FastifyRequest, number>();

function sendAmazonError(reply: FastifyReply, error: SpApiError): void {
  void reply.code(error.status).type('application/json').send(error.body);
}

/** Maps anything that escaped a handler (or fastify's own refusals) to Amazon's error shape. */
function errorFromFramework(error: FastifyError): SpApiError {
  const status = error.statusCode ?? 500;
  if (status === 413) return requestTooLarge();
  if (status === 415) return unsupportedMediaType(error.message);
  if (status >= 400 && status < 500) return invalidInput('The request could not be read.', error.message);
  return errorForStatus(500);
}

/** The simulator's HTTP server: LWA, the SP-API operations and the admin API on one port. */
export function buildServer(ctx: ServerContext): FastifyInstance {
  const app = Fastify({
    logger: false,
    bodyLimit: MAX_BODY_BYTES,
    // Bad URLs and the like must still get an Amazon-shaped answer, never a crash.
    frameworkErrors: (error, _request, reply) => {
      void reply.header('x-amzn-RequestId', randomUUID());
      sendAmazonError(reply, errorFromFramework(error));
    },
  });

  // The simulator reads every body itself so that malformed or mistyped bodies get Amazon's answers.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  // Callback-style hooks: they run on every request, and async ones cost a promise each.
  app.addHook('onRequest', (request, reply, done) => {
    arrivals.set(request, ctx.world.clock.nowMs());
    reply.header('x-amzn-RequestId', randomUUID());
    done();
  });
  app.addHook('onResponse', (request, reply, done) => {
    const { url } = request;
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    if (!path.startsWith('/_sim')) {
      ctx.world.log.add({
        at: new Date(arrivals.get(request) ?? ctx.world.clock.nowMs()).toISOString(),
        method: request.method,
        path,
        operation: requestOperation.get(request) ?? null,
        status: reply.statusCode,
      });
    }
    done();
  });
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    sendAmazonError(reply, errorFromFramework(error));
  });
  app.setNotFoundHandler((request, reply) => dispatchSpApi(ctx, request, reply));

  app.post('/auth/o2/token', async (request, reply) => {
    requestOperation.set(request, 'lwaToken');
    // LWA can fail too: the same faults as the SP-API operations, under the name lwaToken.
    const faults = ctx.world.faults;
    if (faults.take('lwaToken', 'drop-connection', false) !== undefined) {
      ctx.world.log.add({
        at: ctx.world.clock.now().toISOString(),
        method: 'POST',
        path: '/auth/o2/token',
        operation: 'lwaToken',
        status: 0,
      });
      reply.hijack();
      request.raw.socket.destroy();
      return reply;
    }
    const latency = faults.take('lwaToken', 'latency', false);
    if (latency !== undefined) await sleep(latency.ms);
    const statusFault = faults.take('lwaToken', 'status', false);
    if (statusFault !== undefined) {
      const error =
        statusFault.status >= 500
          ? 'server_error'
          : statusFault.status === 429
            ? 'slow_down'
            : 'invalid_request';
      return reply
        .code(statusFault.status)
        .type('application/json')
        .send({ error, error_description: 'Injected fault.' });
    }
    const raw = request.body instanceof Buffer ? request.body.toString('utf8') : '';
    const result = exchangeToken(
      parseLwaBody(request.headers['content-type'], raw),
      ctx.credentials,
      ctx.tokens,
    );
    return reply
      .code(result.status)
      .type('application/json')
      .header('cache-control', 'no-store')
      .send(result.body);
  });

  registerAdminRoutes(app, ctx);
  registerDocumentRoutes(app, ctx);
  registerCarrierRoutes(app, ctx);
  app.all('/*', (request, reply) => dispatchSpApi(ctx, request, reply));
  return app;
}
