// Fails when custom-elements.json is not what the analyzer makes from the current source:
// the manifest is public API documentation and must never drift. Fix: npm run analyze.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

// The analyzer resolves --outdir against the working directory, so stay inside the project.
const out = '.cem-check';
try {
  execFileSync(
    'npx',
    ['cem', 'analyze', '--outdir', out],
    { stdio: 'ignore' },
  );
  const fresh = readFileSync(join(out, 'custom-elements.json'), 'utf8');
  const committed = readFileSync('custom-elements.json', 'utf8');
  if (JSON.stringify(JSON.parse(fresh)) !== JSON.stringify(JSON.parse(committed))) {
    console.error('custom-elements.json is out of date: run `npm run analyze` and commit the result.');
    process.exit(1);
  }
  console.log('custom-elements.json is up to date.');
} finally {
  rmSync(out, { recursive: true, force: true });
}
