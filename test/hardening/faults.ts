import type { Clients } from '../../functions/lib/clients';

// Faults injected into the real SDK clients of the functions (a middleware per attempt, inside the SDK's retries):
// what the suite arms is thrown on the next matching write, counted, then disarmed.

/** What goes wrong on a write. */
export type FaultKind =
  /** DynamoDB or S3 throttles three attempts (the SDK retries up to its maxAttempts, 4). */
  | 'throttle'
  /** Throttled more times than the SDK retries: the request fails, the client retries it. */
  | 'throttleStorm'
  /** The connection times out twice before the request is sent (the SDK retries). */
  | 'timeout'
  /** The write is done, then the answer is lost (a crash between the write and the reply): the SDK and the client retry. */
  | 'lostAnswer'
  /** The write's condition fails as if another writer had just been there. */
  | 'conditional';

interface Armed {
  service: 'dynamodb' | 's3';
  kind: FaultKind;
  remaining: number;
}

const WRITES = /^(TransactWriteItems|PutItem|UpdateItem|DeleteItem|BatchWriteItem|PutObject|CopyObject|DeleteObject|CompleteMultipartUpload)Command$/;

/** The faults armed and how many were thrown. */
export const faults = { armed: [] as Armed[], injected: 0 };

/** Arms a fault on the next writes of a service. */
export function arm(service: Armed['service'], kind: FaultKind): void {
  const remaining = kind === 'throttle' ? 3 : kind === 'throttleStorm' ? 8 : kind === 'timeout' ? 2 : 1;
  faults.armed.push({ service, kind, remaining });
}

export function disarm(): void {
  faults.armed.length = 0;
}

function error(name: string, message: string, extra: Record<string, unknown> = {}) {
  return Object.assign(new Error(message), { name, $fault: 'client', $metadata: { httpStatusCode: name === 'ThrottlingException' ? 400 : undefined, attempts: 1 }, ...extra });
}

function faultFor(service: Armed['service'], commandName: string): Armed | undefined {
  if (!WRITES.test(commandName)) return undefined;
  const armed = faults.armed.find((a) => a.service === service && a.remaining > 0);
  if (!armed) return undefined;
  armed.remaining--;
  faults.injected++;
  return armed;
}

function middleware(service: Armed['service']) {
  return (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) => async (args: unknown) => {
    const fault = faultFor(service, context.commandName ?? '');
    if (!fault) return next(args);
    switch (fault.kind) {
      case 'throttle':
      case 'throttleStorm':
        throw error(service === 's3' ? 'SlowDown' : 'ThrottlingException', 'Rate exceeded (injected)', { $retryable: { throttling: true } });
      case 'timeout':
        throw error('TimeoutError', 'Connection timed out (injected)', { code: 'ETIMEDOUT' });
      case 'lostAnswer': {
        await next(args);
        throw error('TimeoutError', 'Answer lost after the write (injected)', { code: 'ECONNRESET' });
      }
      case 'conditional':
        throw service === 's3'
          ? error('PreconditionFailed', 'At least one of the pre-conditions you specified did not hold (injected)', { $metadata: { httpStatusCode: 412 } })
          : error('TransactionCanceledException', 'Transaction cancelled (injected)', { CancellationReasons: [{ Code: 'ConditionalCheckFailed' }] });
    }
  };
}

/** Adds the fault middleware to a function's clients (the DynamoDB document client shares its base client's stack). */
export function withFaults(clients: Clients): Clients {
  const options = { step: 'deserialize', name: 'hardeningFaults', priority: 'high', override: true } as const;
  clients.ddb.middlewareStack.add(middleware('dynamodb') as never, options);
  clients.s3.middlewareStack.add(middleware('s3') as never, options);
  return clients;
}
