import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { bilingual } from '../../../shared/messages';
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

/** The error envelope for an AppError. */
export function errorResponse(error: AppError, requestId: string, headers?: Record<string, string>): APIGatewayProxyStructuredResultV2 {
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
