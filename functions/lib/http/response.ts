import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { ErrorBody } from '../../../shared/api/schemas';
import type { AppError } from './errors';

const BASE_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
} as const;

/** A JSON response (or an empty one for 204). */
export function jsonResponse(
  status: number,
  body: unknown,
  requestId: string,
  extra: { cookies?: string[]; headers?: Record<string, string> } = {},
): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: status,
    headers: { ...BASE_HEADERS, 'x-request-id': requestId, ...extra.headers },
    body: status === 204 || body === undefined ? '' : JSON.stringify(body),
    ...(extra.cookies?.length ? { cookies: extra.cookies } : {}),
  };
}

/**
 * The error envelope for an AppError. The message catalogue loads with the first error a container answers: a
 * request that succeeds never compiles the texts (issue 11, cold start).
 */
export async function errorResponse(error: AppError, requestId: string, headers?: Record<string, string>): Promise<APIGatewayProxyStructuredResultV2> {
  const { bilingual } = await import('../../../shared/messages');
  const body: ErrorBody = {
    error: {
      code: error.code,
      message: bilingual(error.code, { requestId, ...error.params }),
      ...(error.details === undefined ? {} : { details: error.details }),
      requestId,
    },
  };
  return jsonResponse(error.status, body, requestId, headers ? { headers } : {});
}
