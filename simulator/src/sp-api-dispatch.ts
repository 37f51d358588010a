import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { matchOperation } from './contract/operations.js';
import {
  errorForStatus,
  invalidInput,
  notFound,
  quotaExceeded,
  SpApiError,
  unauthorized,
  unsupportedMediaType,
} from './errors.js';
import { HANDLERS } from './operations/handlers.js';
import type { ServerContext } from './server-context.js';

/** Per-request facts the logging hook reads after the response is sent. */
export const requestOperation = new WeakMap<FastifyRequest, string>();

/** Splits a raw request URL without trusting it to be a well-formed URL. */
export function splitUrl(url: string): { path: string; query: URLSearchParams } {
  const q = url.indexOf('?');
  return q < 0
    ? { path: url, query: new URLSearchParams() }
    : { path: url.slice(0, q), query: new URLSearchParams(url.slice(q + 1)) };
}

function sendError(reply: FastifyReply, error: SpApiError, rateLimit: number | null): FastifyReply {
  if (rateLimit !== null && [400, 404].includes(error.status))
    reply.header('x-amzn-RateLimit-Limit', String(rateLimit));
  return reply.code(error.status).type('application/json').send(error.body);
}

function isJson(contentType: string | undefined): boolean {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  return type === 'application/json';
}

/**
 * The Selling Partner API front door, in Amazon's order: route, access token, injected faults, usage
 * plan, request contract, then the operation's own rules.
 */
export async function dispatchSpApi(
  ctx: ServerContext,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<unknown> {
  const { path, query } = splitUrl(request.url);
  const match = matchOperation(request.method, path);
  if (match.kind !== 'operation') {
    return sendError(reply, notFound('Resource not found.', `${request.method} ${path}`), null);
  }
  const { operation } = match;
  ctx.world.advance();
  const operationId = operation.operationId;
  requestOperation.set(request, operationId);

  const token = request.headers['x-amz-access-token'];
  const auth = ctx.tokens.check(Array.isArray(token) ? token[0] : token);
  if (!auth.ok) return sendError(reply, unauthorized(auth.details), null);
  const { credentials } = auth;

  const faults = ctx.world.faults;
  if (faults.take(operationId, 'drop-connection') !== undefined) {
    ctx.world.log.add({
      at: ctx.world.clock.now().toISOString(),
      method: request.method,
      path,
      operation: operationId,
      status: 0,
    });
    reply.hijack();
    request.raw.socket.destroy();
    return reply;
  }
  const latency = faults.take(operationId, 'latency');
  if (latency !== undefined) await sleep(latency.ms);
  const statusFault = faults.take(operationId, 'status');
  if (statusFault !== undefined) return sendError(reply, errorForStatus(statusFault.status), null);

  const rate = operation.rateLimit.ratePerSecond * ctx.rateScale;
  if (
    !ctx.limiter.take(operationId, `${credentials.clientId}|${credentials.sellerId}`, operation.rateLimit)
  ) {
    return sendError(reply, quotaExceeded(), null);
  }

  try {
    const params = ctx.validator.checkParameters(operationId, match.pathParams, query);
    if (!params.ok) throw invalidInput(params.message, params.details);
    let body: unknown;
    if (ctx.validator.takesBody(operationId)) {
      const raw = request.body instanceof Buffer ? request.body.toString('utf8') : '';
      if (raw.trim() !== '' && !isJson(request.headers['content-type'])) {
        throw unsupportedMediaType(
          `Content-Type ${request.headers['content-type'] ?? '(none)'} is not application/json.`,
        );
      }
      if (raw.trim() !== '') {
        try {
          body = JSON.parse(raw);
        } catch (error) {
          throw invalidInput('The request body is not valid JSON.', (error as Error).message);
        }
      }
      const checked = ctx.validator.checkBody(operationId, body);
      if (!checked.ok) throw invalidInput(checked.message, checked.details);
    }
    const handler = HANDLERS[operationId];
    if (handler === undefined) throw notFound('Resource not found.', operationId);
    const result = handler({
      world: ctx.world,
      credentials,
      params: params.value,
      body,
      pagination: ctx.pagination,
      searchLagMs: ctx.searchLagMs,
      takeFault: (kind) => faults.take(operationId, kind) !== undefined,
      urls: ctx.urls,
      baseUrl: ctx.baseUrl,
    });
    reply.header('x-amzn-RateLimit-Limit', String(rate));
    if (result.body === undefined) return reply.code(result.status).send();
    return reply.code(result.status).type('application/json').send(result.body);
  } catch (error) {
    if (error instanceof SpApiError) return sendError(reply, error, rate);
    request.log.error(error);
    return sendError(reply, errorForStatus(500), null);
  }
}
