import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startLocalStack, type LocalStack } from '../../infra/local/stack';

// A stack of its own with short limits, so a slow client is cut in seconds rather than the default 10 s / 30 s.
let stack: LocalStack;
beforeAll(async () => {
  stack = await startLocalStack({ port: 0, seed: false, adminEmail: 'admin@slow.test', timeouts: { headersMs: 1000, requestMs: 2000 } });
});
afterAll(async () => {
  await stack?.stop();
});

/** Opens a raw connection and drips `chunks`, one every `everyMs`, until the server answers or closes; resolves what it said and when. */
function slowClient(chunks: readonly string[], everyMs: number): Promise<{ answer: string; ms: number; closed: boolean }> {
  const { port } = new URL(stack.url);
  return new Promise((resolve) => {
    const started = Date.now();
    const socket: Socket = connect(Number(port), '127.0.0.1');
    let answer = '';
    let i = 0;
    const drip = setInterval(() => {
      if (i < chunks.length && socket.writable) socket.write(chunks[i++]!);
    }, everyMs);
    socket.on('data', (d) => (answer += d.toString('utf8')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(drip);
      resolve({ answer, ms: Date.now() - started, closed: true });
    });
    // Far beyond the limits: the test fails rather than hangs if the server keeps the connection.
    setTimeout(() => {
      clearInterval(drip);
      socket.destroy();
      resolve({ answer, ms: Date.now() - started, closed: false });
    }, 15_000);
  });
}

function parse(answer: string) {
  const [head, body] = answer.split('\r\n\r\n');
  return { status: Number(head!.split(' ')[1]), head: head!.toLowerCase(), body: JSON.parse(body!) as { error: { code: string; message: Record<string, string> } } };
}

describe('the local gateway cuts slow clients', () => {
  it('answers 408 REQUEST_TIMEOUT and closes when a body arrives a byte at a time (slow-loris)', async () => {
    // Prepare: complete headers announcing 200 bytes, then one byte every 300 ms (a whole minute's worth)
    const head = `POST /api/submission/auth/session HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n`;
    // Act
    const result = await slowClient([head, ...'{"token":"'.split(''), ...'x'.repeat(190).split('')], 300);
    // Assess
    expect(result.closed).toBe(true);
    expect(result.ms).toBeLessThan(8000);
    const { status, head: headers, body } = parse(result.answer);
    expect(status).toBe(408);
    expect(headers).toContain('x-content-type-options: nosniff');
    expect(body.error.code).toBe('REQUEST_TIMEOUT');
    expect(body.error.message['zh-CN']).toContain('没有保存任何内容');
    expect(body.error.message.en).toContain('nothing was saved');
  });

  it('answers 408 REQUEST_TIMEOUT and closes when the headers never end', async () => {
    const result = await slowClient(['GET /api/submission/health HTTP/1.1\r\n', 'Host: localhost\r\n', ...Array.from({ length: 40 }, (_, i) => `X-Slow-${i}: 1\r\n`)], 250);
    expect(result.closed).toBe(true);
    expect(result.ms).toBeLessThan(8000);
    const { status, body } = parse(result.answer);
    expect(status).toBe(408);
    expect(body.error.code).toBe('REQUEST_TIMEOUT');
  });

  it('still serves a client sending at a normal pace afterwards', async () => {
    const res = await fetch(`${stack.url}/api/submission/health`);
    expect(res.status).toBeLessThan(500);
  });
});

describe('X-Content-Type-Options: nosniff on every gateway answer', () => {
  it.each([
    ['an API answer', '/api/submission/health'],
    ['an unknown API route', '/api/submission/no-such-route'],
    ['a wrong method', '/api/submission/health', 'DELETE'],
    ['the site', '/'],
    ['a missing file', '/assets/missing.js'],
    ['a published result that does not exist', '/results/none.html'],
    ['the outbox', '/dev/outbox.json'],
    ['the outbox page', '/dev/outbox'],
  ])('on %s', async (_, path, method = 'GET') => {
    const res = await fetch(inject('baseUrl') + path, { method });
    expect(res.headers.get('x-content-type-options'), `${method} ${path} → ${res.status}`).toBe('nosniff');
  });
});
