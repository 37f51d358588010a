import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ServerContext } from '../server-context.js';
import { requestOperation, splitUrl } from '../sp-api-dispatch.js';

/** Largest feed document accepted on upload, in bytes (Amazon advises feeds under 10 MB). */
export const MAX_DOCUMENT_BYTES = 25 * 1_048_576;

/** S3 answers presigned-URL problems in XML, not in SP-API's JSON. */
function s3Error(reply: FastifyReply, status: number, code: string, message: string): FastifyReply {
  return reply
    .code(status)
    .type('application/xml')
    .send(
      `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>\n`,
    );
}

/** The presigned document URLs handed out by createFeedDocument and getFeedDocument, S3-style. */
export function registerDocumentRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.put<{ Params: { id: string } }>(
    '/_documents/:id',
    { bodyLimit: MAX_DOCUMENT_BYTES },
    async (request, reply) => {
      requestOperation.set(request, 'uploadFeedDocument');
      const { query } = splitUrl(request.url);
      const document = ctx.world.feeds.documents.get(request.params.id);
      const check = ctx.urls.check('PUT', request.params.id, query, ctx.world.clock.nowMs());
      if (document === undefined || check === 'invalid') {
        return s3Error(reply, 403, 'AccessDenied', 'Access Denied');
      }
      if (check === 'expired') return s3Error(reply, 403, 'AccessDenied', 'Request has expired');
      if ((request.headers['content-type'] ?? '') !== document.contentType) {
        return s3Error(
          reply,
          403,
          'SignatureDoesNotMatch',
          'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
        );
      }
      document.content = request.body instanceof Buffer ? request.body : Buffer.alloc(0);
      return reply
        .code(200)
        .header('etag', `"${document.content.length.toString(16)}"`)
        .send();
    },
  );

  app.get<{ Params: { id: string } }>('/_documents/:id', async (request, reply) => {
    requestOperation.set(request, 'downloadFeedDocument');
    ctx.world.advance();
    const { query } = splitUrl(request.url);
    const document = ctx.world.feeds.documents.get(request.params.id);
    const check = ctx.urls.check('GET', request.params.id, query, ctx.world.clock.nowMs());
    if (document === undefined || check === 'invalid')
      return s3Error(reply, 403, 'AccessDenied', 'Access Denied');
    if (check === 'expired') return s3Error(reply, 403, 'AccessDenied', 'Request has expired');
    if (document.content === undefined)
      return s3Error(reply, 404, 'NoSuchKey', 'The specified key does not exist.');
    return reply
      .code(200)
      .type(document.compression === undefined ? document.contentType : 'application/octet-stream')
      .send(document.content);
  });
}
