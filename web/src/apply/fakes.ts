// Test doubles for the applicant's components: a fetch that answers per route, and an XMLHttpRequest driven by the test.

/** One answer of the fake API: a status and a JSON body (or a function of the request body). */
export type FakeAnswer = { status: number; body: unknown } | ((request: { url: string; body: unknown }) => { status: number; body: unknown });

/** A fetch answering `METHOD /path` (query ignored) from a table; answers listed in an array are used in turn, the last repeated. */
export function routedFetch(table: Record<string, FakeAnswer | FakeAnswer[]>): typeof fetch & { readonly calls: { key: string; body: unknown }[] } {
  const calls: { key: string; body: unknown }[] = [];
  const used = new Map<string, number>();
  const fn = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const key = `${init?.method ?? 'GET'} ${url.split('?')[0]}`;
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    calls.push({ key, body });
    const entry = table[key];
    if (!entry) return new Response(JSON.stringify({ error: { code: 'NOT_FOUND', message: { 'zh-CN': '未找到', en: 'Not found' } } }), { status: 404 });
    const list = Array.isArray(entry) ? entry : [entry];
    const n = used.get(key) ?? 0;
    used.set(key, n + 1);
    const answer = list[Math.min(n, list.length - 1)]!;
    const { status, body: out } = typeof answer === 'function' ? answer({ url, body }) : answer;
    return new Response(JSON.stringify(out), { status, headers: { 'content-type': 'application/json' } });
  };
  return Object.assign(fn, { calls });
}

type Listener = (event: { lengthComputable: boolean; loaded: number; total: number }) => void;

/** An XMLHttpRequest whose progress and outcome the test decides. */
export class FakeXhr {
  static made: FakeXhr[] = [];
  status = 0;
  method = '';
  url = '';
  sent: FormData | null = null;
  private readonly listeners = new Map<string, (() => void)[]>();
  private readonly progressListeners: Listener[] = [];
  readonly upload = {
    addEventListener: (type: string, fn: Listener) => {
      if (type === 'progress') this.progressListeners.push(fn);
    },
  };

  constructor() {
    FakeXhr.made.push(this);
  }

  addEventListener(type: string, fn: () => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), fn]);
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  send(body: FormData) {
    this.sent = body;
  }
  abort() {
    this.fire('abort');
  }
  /** Reports `loaded` of `total` bytes sent. */
  progress(loaded: number, total: number) {
    for (const fn of this.progressListeners) fn({ lengthComputable: true, loaded, total });
  }
  /** Ends the request with an HTTP status. */
  respond(status: number) {
    this.status = status;
    this.fire('load');
  }
  /** Ends the request with a network error. */
  fail() {
    this.fire('error');
  }
  private fire(type: string) {
    for (const fn of this.listeners.get(type) ?? []) fn();
  }
}
