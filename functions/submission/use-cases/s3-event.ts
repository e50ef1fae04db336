import type { S3Event } from 'aws-lambda';

// Its own module: the handler tells the events apart at cold start; verifying an upload loads with the first upload.
/** True for an S3 notification (as opposed to an HTTP API event). */
export function isS3Event(event: unknown): event is S3Event {
  const records = (event as { Records?: { eventSource?: string }[] } | null)?.Records;
  return Array.isArray(records) && records.length > 0 && records.every((r) => r?.eventSource === 'aws:s3');
}
