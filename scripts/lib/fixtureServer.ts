/**
 * A local web server for the demo and the end-to-end tests. Each host name is
 * a site: `http://news.test:PORT/` serves `tests/fixtures/sites/news.test/`.
 * The browsers map every `*.test` host to this machine, so sites are distinct
 * registrable domains with no network at all. Real consent managers are served
 * from their npm packages under `/vendor/`.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, extname, join, normalize, resolve, sep } from 'node:path';
import { REAL_FIXTURE_HOSTS } from './fixtureHosts';
import { FUZZ_HOSTS, fuzzPage, isFuzzKind, withOtherOrigin } from './fuzzPages';
import { HOSTILE_POLICY_HOST, HUGE_POLICY_HOST, hostilePolicy, hugePolicy } from './hostilePolicies';
import { hostileTextHome, servedHostileText } from './hostileTexts';

const ROOT = resolve(import.meta.dirname, '../..');
export const SITES_DIR = join(ROOT, 'tests/fixtures/sites');

/** What `/vendor/NAME/FILE` may serve: only the browser files of packages we depend on. */
const VENDOR: Record<string, string> = {
  klaro: 'node_modules/klaro/dist',
  cookieconsent: 'node_modules/vanilla-cookieconsent/dist',
  fixtures: 'tests/fixtures/assets',
  'iabtcf-core': 'node_modules/@iabtcf/core/lib/mjs',
  'iabtcf-cmpapi': 'node_modules/@iabtcf/cmpapi/lib/mjs',
  'iabtcf-stub': 'node_modules/@iabtcf/stub/lib',
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

export interface FixtureServer {
  port: number;
  /** `url('news.test', '/article.html')` -> `http://news.test:PORT/article.html` */
  url: (host: string, path?: string) => string;
  close: () => Promise<void>;
}

/** Resolves `path` under `base`, refusing anything that would step outside it. */
function inside(base: string, path: string): string | null {
  const target = normalize(join(base, decodeURIComponent(path)));
  return target === base || target.startsWith(base + sep) ? target : null;
}

function fileFor(req: IncomingMessage): string | null {
  const url = new URL(req.url ?? '/', 'http://fixture');
  const vendor = /^\/vendor\/([a-z-]+)\/(.+)$/.exec(url.pathname);
  if (vendor) {
    const dir = VENDOR[vendor[1]!];
    return dir ? inside(join(ROOT, dir), vendor[2]!) : null;
  }
  const host = (req.headers.host ?? '').split(':')[0]!.toLowerCase();
  if (!/^[a-z0-9.-]+\.test$/.test(host) && !REAL_FIXTURE_HOSTS.includes(host)) return null;
  const siteDir = inside(SITES_DIR, host);
  if (!siteDir) return null;
  const file = inside(siteDir, url.pathname.endsWith('/') ? `${url.pathname}index.html` : url.pathname);
  return file;
}

/** A site's own response headers: `_headers.json` in its folder maps a path to extra headers (a value may be a list, as for `set-cookie`). */
const HEADERS_FILE = '_headers.json';
function extraHeaders(req: IncomingMessage): Record<string, string | string[]> {
  const host = (req.headers.host ?? '').split(':')[0]!.toLowerCase();
  const siteDir = /^[a-z0-9.-]+\.test$/.test(host) ? inside(SITES_DIR, host) : null;
  const file = siteDir ? join(siteDir, HEADERS_FILE) : null;
  if (!file || !existsSync(file)) return {};
  const table = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, string | string[]>>;
  return table[new URL(req.url ?? '/', 'http://fixture').pathname] ?? {};
}

/**
 * The fuzz hosts' one dynamic route, `/page?seed=N&kind=K[&framed=1]`: a generated page (scripts/lib/fuzzPages.ts),
 * its frames of the other fuzz site pointed at this server. Every other path is served as usual.
 */
function serveFuzzPage(req: IncomingMessage, res: ServerResponse): boolean {
  const host = (req.headers.host ?? '').split(':')[0]!.toLowerCase();
  const url = new URL(req.url ?? '/', 'http://fixture');
  if (!(FUZZ_HOSTS as readonly string[]).includes(host) || url.pathname !== '/page') return false;
  const seed = Number(url.searchParams.get('seed'));
  const kind = url.searchParams.get('kind') ?? '';
  const framed = url.searchParams.get('framed');
  if (!Number.isSafeInteger(seed) || !isFuzzKind(kind) || (framed !== null && framed !== '1')) {
    res.writeHead(400, { 'content-type': 'text/plain' }).end('seed must be an integer, kind one of the fuzz kinds, and framed absent or 1');
    return true;
  }
  const html = withOtherOrigin(fuzzPage(seed, kind, { framed: framed === '1' }).html, new URL(`http://${req.headers.host ?? host}`));
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
  return true;
}

/**
 * The generated policies of the hostile-text test (scripts/lib/hostilePolicies.ts), each at its host's `/privacy.html`:
 * the hostile one as bytes (not valid UTF-8), the huge one streamed in chunks with no declared length.
 */
function serveGeneratedPolicy(req: IncomingMessage, res: ServerResponse): boolean {
  const host = (req.headers.host ?? '').split(':')[0]!.toLowerCase();
  if (new URL(req.url ?? '/', 'http://fixture').pathname !== '/privacy.html') return false;
  if (host === HOSTILE_POLICY_HOST) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(hostilePolicy());
    return true;
  }
  if (host !== HUGE_POLICY_HOST) return false;
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  const chunks = hugePolicy();
  const next = (): void => {
    for (let chunk = chunks.next(); !chunk.done; chunk = chunks.next()) {
      if (!res.write(chunk.value)) {
        res.once('drain', next);
        return;
      }
    }
    res.end();
  };
  // The reader stops reading at its cap and closes the connection; the rest is not sent.
  res.once('close', () => res.off('drain', next));
  next();
  return true;
}

/** The `hostile-text-N.test` sites (scripts/lib/hostileTexts.ts): a home page linking `/privacy`, which is the Nth hostile input. */
function serveHostileText(req: IncomingMessage, res: ServerResponse): boolean {
  const input = servedHostileText((req.headers.host ?? '').split(':')[0]!.toLowerCase());
  if (!input) return false;
  const path = new URL(req.url ?? '/', 'http://fixture').pathname;
  if (path === '/') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(hostileTextHome(input));
  else if (path === '/privacy') res.writeHead(200, { 'content-type': input.contentType, 'cache-control': 'no-store' }).end(Buffer.from(input.make(), 'utf8'));
  else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  return true;
}

function serve(req: IncomingMessage, res: ServerResponse): void {
  // Any site echoes the request headers it received, for checking what the browser sent (GPC).
  if ((req.url ?? '').startsWith('/__headers')) {
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(req.headers));
    return;
  }
  if (serveFuzzPage(req, res)) return;
  if (serveGeneratedPolicy(req, res)) return;
  if (serveHostileText(req, res)) return;
  const file = fileFor(req);
  if (!file || !existsSync(file) || !statSync(file).isFile() || basename(file) === HEADERS_FILE) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': 'no-store',
    ...extraHeaders(req),
  });
  createReadStream(file).pipe(res);
}

/** A request as the fixture server received it. */
export interface ReceivedRequest {
  method: string;
  /** `http://host:port/path?query`, as the browser asked for it. */
  url: string;
  headers: IncomingMessage['headers'];
}

/** `onRequest` hears every request the server receives, before it is answered (the Firefox egress test counts them). */
export async function startFixtureServer(port = 0, options: { onRequest?: (request: ReceivedRequest) => void } = {}): Promise<FixtureServer> {
  const server: Server = createServer((req, res) => {
    options.onRequest?.({ method: req.method ?? 'GET', url: `http://${req.headers.host ?? ''}${req.url ?? '/'}`, headers: req.headers });
    serve(req, res);
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  const actual = (server.address() as AddressInfo).port;
  return {
    port: actual,
    url: (host, path = '/') => `http://${host}:${actual}${path}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
