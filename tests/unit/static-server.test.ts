import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { request, type Server } from "node:http";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtBasePath, chooseEncoding, serveStatic } from "../../scripts/static-server.ts";

/**
 * The project's static server (npm run serve, and every browser test) on a small site written here:
 * compression, validators and 304s, the site's _headers, the base path, and what it must never serve.
 */

const dirs: string[] = [];
const servers: Server[] = [];
afterAll(async () => {
  for (const s of servers) await new Promise((ok) => s.close(ok));
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function site(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), "so-serve-"));
  dirs.push(dir);
  for (const [path, data] of Object.entries(files)) {
    const file = join(dir, ...path.split("/").filter(Boolean));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, data);
  }
  return dir;
}

async function serve(dir: string, base?: string): Promise<string> {
  const server = await serveStatic(dir, 0, "127.0.0.1", base);
  servers.push(server);
  const address = server.address();
  return `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A raw request (fetch would decompress and hide Content-Encoding). */
function get(url: string, headers: Record<string, string> = {}, method = "GET"): Promise<Answer> {
  return new Promise((ok, fail) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", fail);
    req.end();
  });
}

const PAGE = `<!doctype html><html lang="fr"><head><title>Page</title></head><body>${"<p>Un paragraphe assez long pour valoir la compression.</p>".repeat(40)}</body></html>`;
const HEADERS = `/*\n  X-Content-Type-Options: nosniff\n\n/articles/*\n  Content-Security-Policy: default-src 'self'; frame-ancestors 'none'\n  Cache-Control: public, max-age=300, must-revalidate\n`;

describe("compression", () => {
  let url = "";
  beforeAll(async () => {
    url = await serve(site({ "articles/a/index.html": PAGE, "img.png": Buffer.alloc(4000, 7), "petit.txt": "court", "404.html": PAGE, _headers: HEADERS }));
  });

  it("sends brotli when the browser accepts it, gzip otherwise, the plain file when it accepts neither", async () => {
    const br = await get(`${url}/articles/a/`, { "accept-encoding": "gzip, deflate, br" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(br.body).toString()).toBe(PAGE);
    expect(br.body.length).toBeLessThan(PAGE.length / 4);
    expect(Number(br.headers["content-length"])).toBe(br.body.length);
    const gz = await get(`${url}/articles/a/`, { "accept-encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.body).toString()).toBe(PAGE);
    const plain = await get(`${url}/articles/a/`);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(PAGE);
    for (const a of [br, gz, plain]) expect(a.headers["vary"]).toBe("Accept-Encoding");
  });

  it("leaves images and tiny files as they are", async () => {
    const png = await get(`${url}/img.png`, { "accept-encoding": "br, gzip" });
    expect(png.headers["content-encoding"]).toBeUndefined();
    expect(png.body.length).toBe(4000);
    expect((await get(`${url}/petit.txt`, { "accept-encoding": "br" })).headers["content-encoding"]).toBeUndefined();
  });

  it("compresses the 404 page too, with its 404 status", async () => {
    const missing = await get(`${url}/articles/absent/`, { "accept-encoding": "gzip" });
    expect(missing.status).toBe(404);
    expect(gunzipSync(missing.body).toString()).toBe(PAGE);
  });

  it("reads Accept-Encoding as browsers write it, q=0 included", () => {
    expect(chooseEncoding("gzip, deflate, br, zstd")).toBe("br");
    expect(chooseEncoding("br;q=0, gzip;q=0.8")).toBe("gzip");
    expect(chooseEncoding("identity")).toBeUndefined();
    expect(chooseEncoding("*")).toBe("br");
    expect(chooseEncoding(undefined)).toBeUndefined();
  });
});

describe("validators and 304", () => {
  let url = "";
  let dir = "";
  beforeAll(async () => {
    dir = site({ "index.html": PAGE, "data.csv": "a,b\n1,2\n" });
    url = await serve(dir);
  });

  it("sends an ETag and a Last-Modified, and answers 304 without a body when the copy is current", async () => {
    const first = await get(`${url}/`, { "accept-encoding": "br" });
    const etag = String(first.headers["etag"]);
    expect(etag).toMatch(/^W\/".+"$/);
    expect(first.headers["last-modified"]).toBeDefined();
    const again = await get(`${url}/`, { "if-none-match": etag, "accept-encoding": "br" });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers["etag"]).toBe(etag);
    const since = await get(`${url}/data.csv`, { "if-modified-since": String(first.headers["last-modified"]) });
    expect(since.status).toBe(304);
  });

  it("answers 200 with the new bytes once the file changed", async () => {
    const etag = String((await get(`${url}/data.csv`)).headers["etag"]);
    writeFileSync(join(dir, "data.csv"), "a,b\n1,2\n3,4\n");
    utimesSync(join(dir, "data.csv"), new Date(), new Date(Date.now() + 5000));
    const changed = await get(`${url}/data.csv`, { "if-none-match": etag });
    expect(changed.status).toBe(200);
    expect(changed.body.toString()).toBe("a,b\n1,2\n3,4\n");
    expect(changed.headers["etag"]).not.toBe(etag);
    expect(changed.headers["content-type"]).toBe("text/csv; charset=utf-8");
  });

  it("answers HEAD with the headers only", async () => {
    const head = await get(`${url}/`, {}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(Number(head.headers["content-length"])).toBe(PAGE.length);
  });
});

describe("the site's _headers", () => {
  let url = "";
  beforeAll(async () => {
    url = await serve(site({ "articles/a/index.html": PAGE, "index.html": PAGE, "404.html": PAGE, _headers: HEADERS }));
  });

  it("applies every rule matching the path, the 404 of an unknown path included", async () => {
    const article = await get(`${url}/articles/a/`);
    expect(article.headers["x-content-type-options"]).toBe("nosniff");
    expect(article.headers["content-security-policy"]).toBe("default-src 'self'; frame-ancestors 'none'");
    expect(article.headers["cache-control"]).toBe("public, max-age=300, must-revalidate");
    const home = await get(`${url}/`);
    expect(home.headers["x-content-type-options"]).toBe("nosniff");
    expect(home.headers["content-security-policy"]).toBeUndefined();
    const missing = await get(`${url}/articles/absent/`);
    expect(missing.status).toBe(404);
    expect(missing.headers["content-security-policy"]).toBe("default-src 'self'; frame-ancestors 'none'");
  });

  it("never serves _headers itself, nor anything outside the site", async () => {
    expect((await get(`${url}/_headers`)).status).toBe(404);
    expect((await get(`${url}/%2e%2e/%2e%2e/etc/passwd`)).status).toBe(404);
    expect((await get(`${url}/../package.json`)).status).toBe(404);
  });

  it("redirects a directory asked without its slash", async () => {
    const r = await get(`${url}/articles/a`);
    expect(r.status).toBe(301);
    expect(r.headers["location"]).toBe("/articles/a/");
  });
});

describe("a site built under a base path", () => {
  const files = { "index.html": PAGE, "articles/a/index.html": PAGE, "404.html": "<p>introuvable</p>", "robots.txt": "User-agent: *\nAllow: /\n\nSitemap: https://example.org/sous-objectif/sitemap.xml\n" };
  let url = "";
  beforeAll(async () => {
    url = await serve(site(files));
  });

  it("is served under the base its robots.txt names, and only there", async () => {
    expect((await get(`${url}/sous-objectif/`)).body.toString()).toBe(PAGE);
    expect((await get(`${url}/sous-objectif/articles/a/`)).status).toBe(200);
    expect((await get(`${url}/articles/a/`)).status).toBe(404);
    const bare = await get(`${url}/sous-objectif`);
    expect([bare.status, bare.headers["location"]]).toEqual([301, "/sous-objectif/"]);
    const dir = await get(`${url}/sous-objectif/articles/a`);
    expect([dir.status, dir.headers["location"]]).toEqual([301, "/sous-objectif/articles/a/"]);
  });

  it("reads the base from robots.txt, and takes '/' for a folder that is not a built site", () => {
    expect(builtBasePath(site(files))).toBe("/sous-objectif/");
    expect(builtBasePath(site({ "robots.txt": "Sitemap: https://example.org/sitemap.xml\n" }))).toBe("/");
    expect(builtBasePath(site({ "index.html": PAGE }))).toBe("/");
  });
});
