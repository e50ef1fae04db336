import { randomUUID } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerOptions, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { FunctionName } from '../../shared/api/functions';
import { matchPath, ROUTES, type RouteDefinition } from '../../shared/api/routes';
import { bilingual, type MessageKey } from '../../shared/messages';
import { RESULTS_PREFIX } from '../../shared/tables';
import { contentSecurityPolicy, SECURITY_HEADERS } from '../../shared/security-headers';

/** A Lambda HTTP handler, as each function exports it. */
export type HttpHandler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

/** Reads published results from the web bucket (`results/…`). */
export type ResultsReader = (key: string) => Promise<{ body: Buffer; contentType?: string } | undefined>;

/** What the gateway serves. */
export interface GatewayOptions {
  readonly handlers: Readonly<Record<FunctionName, HttpHandler>>;
  /** Built site (web/dist); when missing, the gateway says how to build it. */
  readonly webDist: string;
  readonly outboxDir: string;
  readonly readResult: ResultsReader;
  /** Origins the browser may fetch or upload to besides the site (the local S3). */
  readonly connectSrc: readonly string[];
  /** How long a client may take to send a request (default GATEWAY_TIMEOUTS). */
  readonly timeouts?: GatewayTimeouts;
}

const MAX_API_BODY = 10 * 1024 * 1024; // API Gateway's own limit

/** How long a client may take to send a request: its headers, and the whole request with its body. */
export interface GatewayTimeouts {
  readonly headersMs: number;
  readonly requestMs: number;
}

/**
 * A slow client (slow-loris: a byte of headers or body every few seconds)
 * must not hold a connection: headers within 10 s and the whole request
 * (bodies are at most 10 MB on a local connection) within 30 s, as API
 * Gateway and CloudFront also cut slow requests.
 */
export const GATEWAY_TIMEOUTS: GatewayTimeouts = { headersMs: 10_000, requestMs: 30_000 };

/** Node server options that enforce the timeouts, checking connections often enough to keep them. */
export function gatewayServerOptions(timeouts: GatewayTimeouts = GATEWAY_TIMEOUTS): ServerOptions {
  return {
    headersTimeout: timeouts.headersMs,
    requestTimeout: timeouts.requestMs,
    connectionsCheckingInterval: Math.max(100, Math.min(1000, Math.floor(timeouts.headersMs / 4))),
  };
}

function rawErrorResponse(status: number, reason: string, code: MessageKey): string {
  const body = JSON.stringify({ error: { code, message: bilingual(code, { requestId: 'gateway' }) } });
  return [
    `HTTP/1.1 ${status} ${reason}`,
    'content-type: application/json; charset=utf-8',
    `content-length: ${Buffer.byteLength(body)}`,
    'cache-control: no-store',
    'x-content-type-options: nosniff',
    'connection: close',
    '',
    body,
  ].join('\r\n');
}

/**
 * Answers what Node refuses before a request reaches the gateway — a client
 * too slow with its headers or body (408 REQUEST_TIMEOUT), oversized headers
 * (431), a malformed request (400) — in the usual error shape, then closes.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (!socket.writable || error.code === 'ECONNRESET') return void socket.destroy();
  const answer =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? rawErrorResponse(408, 'Request Timeout', 'REQUEST_TIMEOUT')
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? rawErrorResponse(431, 'Request Header Fields Too Large', 'PAYLOAD_TOO_LARGE')
        : rawErrorResponse(400, 'Bad Request', 'BAD_REQUEST');
  socket.end(answer);
  // A client that stops reading does not keep the socket either.
  setTimeout(() => socket.destroy(), 1000).unref();
}

/** An HTTP server with the gateway's timeouts and error answers, for `listener`. */
export function createGatewayServer(listener: RequestListener, timeouts: GatewayTimeouts = GATEWAY_TIMEOUTS): Server {
  const server = createServer(gatewayServerOptions(timeouts), listener);
  server.on('clientError', answerClientError);
  return server;
}
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.pdf': 'application/pdf',
};

const routeTable = Object.values(ROUTES) as RouteDefinition[];

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => resolveBody(size > limit ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Turns a Node request into the API Gateway HTTP API (payload v2) event the handlers receive in AWS. */
export function toEvent(req: IncomingMessage, url: URL, route: RouteDefinition, params: Record<string, string>, body: Buffer): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined && name !== 'cookie') headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const cookies = (req.headers.cookie ?? '').split(';').map((c) => c.trim()).filter(Boolean);
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = k in query ? `${query[k]},${v}` : v;
  const text = body.toString('utf8');
  const binary = body.length > 0 && !Buffer.from(text, 'utf8').equals(body);
  const routeKey = `${route.method} ${route.path}`;
  return {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    cookies,
    headers,
    ...(url.search ? { queryStringParameters: query } : {}),
    ...(Object.keys(params).length ? { pathParameters: params } : {}),
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: req.method ?? 'GET',
        path: url.pathname,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress ?? '',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
    body: body.length === 0 ? undefined : binary ? body.toString('base64') : text,
    isBase64Encoded: binary,
  } as APIGatewayProxyEventV2;
}

function sendError(res: ServerResponse, status: number, code: MessageKey): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify({ error: { code, message: bilingual(code, { requestId: 'gateway' }) } }));
}

function writeResult(res: ServerResponse, result: APIGatewayProxyStructuredResultV2): void {
  const headers: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(result.headers ?? {})) headers[k] = String(v);
  if (result.cookies?.length) headers['set-cookie'] = result.cookies;
  res.writeHead(result.statusCode ?? 200, headers);
  res.end(result.body ? Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8') : undefined);
}

/** Starts the local gateway: the API, the site, published results and the dev outbox on one port. */
export function createGateway(options: GatewayOptions): Server {
  const webRoot = resolve(options.webDist);
  const pageHeaders = {
    // Same policy as CloudFront, minus what only makes sense over HTTPS (HSTS, upgrade-insecure-requests).
    'content-security-policy': contentSecurityPolicy({ connectSrc: options.connectSrc, upgradeInsecureRequests: false }),
    ...Object.fromEntries(Object.entries(SECURITY_HEADERS).filter(([k]) => k !== 'Strict-Transport-Security').map(([k, v]) => [k.toLowerCase(), v])),
  };

  async function api(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const candidates = routeTable.map((r) => [r, matchPath(r.path, url.pathname)] as const).filter(([, p]) => p);
    const match = candidates.find(([r]) => r.method === req.method);
    if (!match) return sendError(res, candidates.length ? 405 : 404, candidates.length ? 'METHOD_NOT_ALLOWED' : 'ROUTE_NOT_FOUND');
    const body = await readBody(req, MAX_API_BODY);
    if (body === 'too-large') return sendError(res, 413, 'PAYLOAD_TOO_LARGE');
    const [route, params] = match;
    const result = await options.handlers[route.fn](toEvent(req, url, route, params!, body));
    writeResult(res, result);
  }

  async function file(res: ServerResponse, path: string, cache: string): Promise<boolean> {
    try {
      const info = await stat(path);
      if (!info.isFile()) return false;
      res.writeHead(200, { ...pageHeaders, 'content-type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': cache });
      res.end(await readFile(path));
      return true;
    } catch {
      return false;
    }
  }

  async function site(res: ServerResponse, url: URL): Promise<void> {
    const relative = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '');
    const path = resolve(webRoot, relative);
    if (path !== webRoot && !path.startsWith(webRoot + sep)) return sendError(res, 404, 'NOT_FOUND');
    const hashed = relative.startsWith('assets/');
    if (relative && (await file(res, path, hashed ? 'public, max-age=31536000, immutable' : 'no-cache'))) return;
    // Single-page app: extension-less paths get index.html (as the CloudFront function does).
    if (extname(relative) === '' && (await file(res, join(webRoot, 'index.html'), 'no-cache'))) return;
    if (relative === '' || extname(relative) === '') {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('The site is not built yet: run `npm run build` (npm start does it for you).\n网站尚未构建：请运行 npm run build。\n');
      return;
    }
    sendError(res, 404, 'NOT_FOUND');
  }

  async function results(res: ServerResponse, url: URL): Promise<void> {
    const key = decodeURIComponent(url.pathname.slice(1));
    if (!key.startsWith(RESULTS_PREFIX) || key.includes('..')) return sendError(res, 404, 'NOT_FOUND');
    const found = await options.readResult(key.endsWith('/') ? `${key}index.html` : key);
    if (!found) return sendError(res, 404, 'NOT_FOUND');
    res.writeHead(200, { ...pageHeaders, 'content-type': found.contentType ?? CONTENT_TYPES[extname(key)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    res.end(found.body);
  }

  async function outboxMessages() {
    const names = (await readdir(options.outboxDir).catch(() => [] as string[])).filter((n) => n.endsWith('.json')).sort().reverse();
    return Promise.all(names.map(async (n) => JSON.parse(await readFile(join(options.outboxDir, n), 'utf8')) as { id: string; to: string; subject: string; text: string; links: string[]; sentAt: string; attachments?: { fileName: string }[] }));
  }

  async function outbox(res: ServerResponse, url: URL): Promise<void> {
    const messages = await outboxMessages();
    if (url.pathname === '/dev/outbox.json') {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ messages }));
      return;
    }
    const items = messages
      .map((m) => {
        const text = escapeHtml(m.text).replace(/https?:\/\/[^\s&]+(?:&amp;[^\s&]+)*/g, (link) => `<a href="${link}">${link}</a>`);
        return `<article><h2>${escapeHtml(m.subject)}</h2><p><b>To:</b> ${escapeHtml(m.to)} · <time>${escapeHtml(m.sentAt)}</time>${m.attachments?.length ? ` · <b>Attachments:</b> ${m.attachments.map((a) => escapeHtml(a.fileName)).join(', ')}` : ''}</p><pre>${text}</pre></article>`;
      })
      .join('\n');
    res.writeHead(200, { ...pageHeaders, 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(`<!doctype html><html lang="zh-CN"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Outbox · 发件箱 (local)</title><body><h1>Outbox · 本地发件箱</h1><p>Mail the local system would have sent. 本地环境不真正发送邮件，邮件都在这里。</p>${items || '<p>No mail yet. 暂无邮件。</p>'}</body></html>`);
  }

  return createGatewayServer((req, res) => {
    // No answer of the gateway is sniffed into another type (JSON errors, files, the outbox).
    res.setHeader('x-content-type-options', 'nosniff');
    const url = new URL(req.url ?? '/', 'http://localhost');
    const work = url.pathname.startsWith('/api/')
      ? api(req, res, url)
      : url.pathname === '/dev/outbox' || url.pathname === '/dev/outbox.json'
        ? outbox(res, url)
        : url.pathname.startsWith(`/${RESULTS_PREFIX}`)
          ? results(res, url)
          : req.method === 'GET' || req.method === 'HEAD'
            ? site(res, url)
            : Promise.resolve(sendError(res, 405, 'METHOD_NOT_ALLOWED'));
    work.catch((error: unknown) => {
      // A client cut for being too slow (answered 408 already) or gone away is not a fault of the gateway.
      if (req.destroyed && (res.destroyed || !res.writable)) return;
      console.error('gateway error', error);
      if (!res.headersSent) sendError(res, 500, 'INTERNAL');
      else res.destroy();
    });
  }, options.timeouts);
}
