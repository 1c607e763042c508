import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { bearerToken, type Logger } from '@platform/kit';
import type { Family } from './family';
import { malformedBody, RestError } from './rest-error';
import type { Route } from './route';
import { httpStatus } from './status';

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The graph names fields by GraphQL argument path (`input.fullName`); the client knows them as `full_name`. */
function restFieldName(error: RestError, family: Family, route: Route | undefined): RestError {
  const field = error.details.field;
  if (!error.fromGraph || typeof field !== 'string') return error;
  const leaf = field.split('.').pop()!;
  const name = route?.fieldAliases?.[leaf] ?? (family.fieldCase === 'snake' ? snake(leaf) : leaf);
  return error.withDetails({ ...error.details, field: name });
}

/** Anything thrown while serving → a RestError; unexpected errors are logged and lose their message. */
export function toRestError(error: unknown, logger: Logger): RestError {
  if (error instanceof RestError) return error;
  const fastifyError = error as Partial<FastifyError>;
  if (fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) {
    return malformedBody('The request body is not valid JSON');
  }
  const status = fastifyError.statusCode;
  if (status && status >= 400 && status < 500) {
    if (status === 404) return new RestError('NOT_FOUND', 'Not found');
    return malformedBody(fastifyError.message ?? 'Bad request');
  }
  logger.error({ err: error }, 'unexpected error in the REST adapter');
  return new RestError('INTERNAL', 'Internal server error');
}

/** The family's error body with the status from the one mapping; 429s say when to retry. */
export function sendError(
  reply: FastifyReply,
  request: FastifyRequest,
  error: RestError,
  family: Family,
  route: Route | undefined,
): FastifyReply {
  const status = error.status ?? httpStatus(error.code, family.invalidInputStatus);
  const retryAfter = error.details.retryAfterSeconds;
  if (error.code === 'RATE_LIMITED' && typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
  const named = restFieldName(error, family, route);
  const body = family.error(named, {
    requestId: request.id,
    status,
    hadToken: !!bearerToken(request.headers.authorization),
    messages: route?.errorMessages,
    data: route?.errorData?.(named),
    elapsedMs: () => reply.elapsedTime,
  });
  return reply.code(status).send(body);
}
