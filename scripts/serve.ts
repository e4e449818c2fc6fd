/** `npm run serve`: serves dist/ on http://localhost:4321/ (PORT to change it). */
import { serveStatic } from "./static-server.ts";

const port = Number(process.env.PORT ?? 4321);
await serveStatic("dist", port, process.env.HOST ?? "127.0.0.1");
console.log(`Sous objectif est servi sur http://localhost:${port}/ (Ctrl+C pour arrêter).`);
