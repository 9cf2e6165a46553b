// All three browser engines: Chromium, Firefox ESR and WebKitGTK (with its WebDriver and a
// virtual display), from Debian's packages, installed with apt-get when missing; fails when one
// is still missing, so a run meant for three never passes on fewer. (`npm test` needs only
// Chromium, which scripts/ensure-test-tools.mjs installs, and runs every other engine it finds.)
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ENGINES, missing } from './engines.mjs';

const absent = (file) => file && !existsSync(file);
const packages = Object.values(ENGINES).filter((e) => absent(e.binary) || absent(e.browser)).map((e) => e.debian);
if (absent(ENGINES.webkit.display)) packages.push('xvfb', 'xauth');
if (packages.length) {
  if (process.getuid?.() !== 0) {
    console.error(`Missing: ${packages.join(', ')}. Install them with: sudo apt-get install -y ${packages.join(' ')}`);
    process.exit(1);
  }
  console.log(`Installing Debian’s ${packages.join(', ')} for the browser suite…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', ...packages], { stdio: 'inherit', env });
}
const still = Object.keys(ENGINES).map((e) => missing(e)).filter(Boolean);
if (still.length) {
  console.error(`A browser engine is still missing: ${still.join('; ')}`);
  process.exit(1);
}
