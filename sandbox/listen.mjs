// @ts-check
// Start the sandbox on its own HTTP server (the CLI, test configs and the demo script).
import { createServer } from 'node:http';
import { createSandbox } from './server.mjs';

/**
 * @param {{port?: number, host?: string, rateLimits?: boolean, tokenTtlSeconds?: number}} [options]
 * @returns {Promise<{server: import('node:http').Server, url: string, sandbox: ReturnType<typeof createSandbox>}>}
 */
export function listen({ port = 8787, host = '127.0.0.1', ...options } = {}) {
  const sandbox = createSandbox(options);
  const server = createServer(async (req, res) => {
    const handled = await sandbox.handle(req, res);
    if (!handled) {
      // Outside /v1 and /__sandbox: Starlette's 404 for an unknown route.
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ detail: 'Not Found' }));
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = /** @type {import('node:net').AddressInfo} */ (server.address());
      resolve({ server, url: `http://${host}:${address.port}`, sandbox });
    });
  });
}
