import { Logger } from '@aws-lambda-powertools/logger';

/** One structured JSON logger per function. Never log tokens, cookies or request bodies. */
export function createLogger(serviceName: string): Logger {
  return new Logger({
    serviceName,
    logLevel: (process.env.POWERTOOLS_LOG_LEVEL as 'INFO' | undefined) ?? (process.env.MERIT_STAGE === 'local' ? 'WARN' : 'INFO'),
  });
}
