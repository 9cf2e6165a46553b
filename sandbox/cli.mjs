// @ts-check
// `npm run sandbox`: the local Polar on 127.0.0.1:$PORT (default 8787).
import { listen } from './listen.mjs';
import { SEED } from './seed.mjs';

const port = Number(process.env.PORT ?? 8787);
const rateLimits = process.env.SANDBOX_RATE_LIMITS !== 'off';
const ttl = process.env.SANDBOX_TOKEN_TTL ? Number(process.env.SANDBOX_TOKEN_TTL) : undefined;
if (ttl !== undefined && !(Number.isFinite(ttl) && ttl > 0)) {
  console.error(`SANDBOX_TOKEN_TTL must be a positive number of seconds, got "${process.env.SANDBOX_TOKEN_TTL}"`);
  process.exit(1);
}

const { url, server } = await listen({ port, host: '127.0.0.1', rateLimits, tokenTtlSeconds: ttl });
console.log(`Local Polar listening on ${url}`);
console.log(`  organizations: acme (${SEED.organizations.acme.id}), solo (${SEED.organizations.solo.id})`);
console.log(`  rate limits ${rateLimits ? 'on' : 'off'}, session tokens last ${ttl ?? 3600} s; login codes appear at ${url}/__sandbox/outbox`);

const stop = () => server.close(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
