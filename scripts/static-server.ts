/**
 * Serves a built site from disk as a static host does: a directory answers with its index.html, an
 * unknown path with 404.html; the headers are those of the site's own _headers file (written by the
 * build from src/lib/headers.ts: security policy, framing, cache), so what a test or a maintainer sees
 * here is what Netlify or Cloudflare Pages send. Text is compressed (brotli or gzip, as the browser
 * accepts), every file has an ETag and a Last-Modified, and a conditional request gets its 304.
 * A site built under a base path (SO_BASE_PATH) is served under that path only.
 */
import { existsSync, readFileSync, statSync, type Stats } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { headersForPath, parseHeadersFile, type HeaderRule } from "../src/lib/headers.ts";
import { normalizeBase, withoutBase } from "../src/lib/routes.ts";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm"
};

/** Types worth compressing (pagefind's own files are already gzip-compressed: octet-stream, left alone). */
const COMPRESSIBLE = /^(text\/|application\/(json|xml|javascript|wasm)|image\/svg\+xml)/;

/** The base path a site was built for, read from the Sitemap line of its robots.txt; "/" if it has none. */
export function builtBasePath(dir: string): string {
  const robots = join(dir, "robots.txt");
  if (!existsSync(robots)) return "/";
  const m = /^Sitemap:\s*(\S+)$/m.exec(readFileSync(robots, "utf8"));
  if (!m) return "/";
  return normalizeBase(new URL(m[1]!).pathname.replace(/[^/]*$/, ""));
}

/** The encoding to send, from Accept-Encoding: brotli, then gzip, else none. */
export function chooseEncoding(accept: string | undefined): "br" | "gzip" | undefined {
  const offered = new Map<string, number>();
  for (const part of (accept ?? "").split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
    offered.set(name, q ? Number(q[1]) : 1);
  }
  const ok = (name: string) => (offered.get(name) ?? offered.get("*") ?? 0) > 0;
  if (ok("br")) return "br";
  if (ok("gzip")) return "gzip";
  return undefined;
}

/** Weak validator from size and modification time (the same bytes compressed or not: one ETag). */
export function etagOf(stats: Stats): string {
  return `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`;
}

/** Whether the browser's copy is current (If-None-Match first, If-Modified-Since otherwise). */
export function isNotModified(req: IncomingMessage, etag: string, mtime: Date): boolean {
  const match = req.headers["if-none-match"];
  if (match) return match.split(",").some((t) => t.trim() === "*" || t.trim().replace(/^W\//, "") === etag.replace(/^W\//, ""));
  const since = req.headers["if-modified-since"];
  if (since) {
    const t = Date.parse(since);
    return !Number.isNaN(t) && Math.floor(mtime.getTime() / 1000) <= Math.floor(t / 1000);
  }
  return false;
}

const compressed = new Map<string, Buffer>();
let compressedBytes = 0;

/** Compressed bytes of a file, kept while the file is unchanged (compressing once per version). */
function compress(file: string, stats: Stats, body: Buffer, encoding: "br" | "gzip"): Buffer {
  const key = `${file}\0${stats.size}\0${stats.mtimeMs}\0${encoding}`;
  let out = compressed.get(key);
  if (!out) {
    out =
      encoding === "br"
        ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 6, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
        : gzipSync(body, { level: 6 });
    if (compressedBytes > 64 * 1024 * 1024) {
      compressed.clear();
      compressedBytes = 0;
    }
    compressed.set(key, out);
    compressedBytes += out.length;
  }
  return out;
}

/** The site's _headers rules, read again whenever the file changes (a rebuild swaps dist/). */
function rulesReader(root: string): () => HeaderRule[] {
  let seen = "";
  let rules: HeaderRule[] = [];
  return () => {
    const file = join(root, "_headers");
    const stats = existsSync(file) ? statSync(file) : undefined;
    const key = stats ? `${stats.size}-${stats.mtimeMs}-${stats.ino}` : "";
    if (key !== seen) {
      rules = stats ? parseHeadersFile(readFileSync(file, "utf8")) : [];
      seen = key;
    }
    return rules;
  };
}

function send(req: IncomingMessage, res: ServerResponse, status: number, file: string | undefined, extra: Record<string, string>): void {
  if (!file) {
    res.writeHead(status, { ...extra, "content-type": "text/plain; charset=utf-8" }).end(req.method === "HEAD" ? undefined : "Page introuvable");
    return;
  }
  const stats = statSync(file);
  const type = TYPES[extname(file)] ?? "application/octet-stream";
  const headers: Record<string, string> = { ...extra, "content-type": type };
  if (status === 200) {
    const etag = etagOf(stats);
    headers["etag"] = etag;
    headers["last-modified"] = stats.mtime.toUTCString();
    if (isNotModified(req, etag, stats.mtime)) {
      if (COMPRESSIBLE.test(type)) headers["vary"] = "Accept-Encoding";
      delete headers["content-type"];
      res.writeHead(304, headers).end();
      return;
    }
  }
  let body: Buffer = readFileSync(file);
  if (COMPRESSIBLE.test(type)) {
    headers["vary"] = "Accept-Encoding";
    const encoding = body.length >= 256 ? chooseEncoding(req.headers["accept-encoding"]) : undefined;
    if (encoding) {
      body = compress(file, stats, body, encoding);
      headers["content-encoding"] = encoding;
    }
  }
  headers["content-length"] = String(body.length);
  res.writeHead(status, headers).end(req.method === "HEAD" ? undefined : body);
}

/**
 * Serves `dir` on `port` (0: any free port). `base` is the path the site lives under; by default the one
 * it was built for (its robots.txt), "/" for a folder that is not a built site.
 */
export function serveStatic(dir: string, port: number, host = "127.0.0.1", base: string = builtBasePath(dir)): Promise<Server> {
  const root = resolve(dir);
  const rules = rulesReader(root);
  const server = createServer((req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    const url = new URL(req.url ?? "/", "http://localhost");
    const extra = headersForPath(rules(), url.pathname);
    const notFound = () => {
      const page = join(root, "404.html");
      send(req, res, 404, existsSync(page) ? page : undefined, headersForPath(rules(), url.pathname));
    };
    if (base !== "/" && url.pathname === base.slice(0, -1)) {
      res.writeHead(301, { location: `${base}${url.search}` }).end();
      return;
    }
    const sitePath = withoutBase(url.pathname, base);
    let decoded: string;
    try {
      decoded = decodeURIComponent(sitePath ?? "");
    } catch {
      return notFound();
    }
    if (sitePath === undefined || decoded === "/_headers") return notFound();
    let path = normalize(join(root, decoded));
    if (path !== root && !path.startsWith(root + sep)) return notFound();
    if (existsSync(path) && statSync(path).isDirectory()) {
      if (!url.pathname.endsWith("/")) {
        res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      path = join(path, "index.html");
    }
    if (!existsSync(path) || !statSync(path).isFile()) return notFound();
    send(req, res, 200, path, extra);
  });
  return new Promise((ok) => server.listen(port, host, () => ok(server)));
}
