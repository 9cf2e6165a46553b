// What `npm test` needs from Debian (test tools cannot download anything here): Chromium for
// the browser tests, and PHP's command line for the WordPress example's shortcode plugin.
// Installs what is missing with apt-get when we are root; otherwise says what to run.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROME_PATH || '/usr/bin/chromium';
const needs = [
  { file: chromium, debian: 'chromium', why: `Chromium (at ${chromium}; CHROME_PATH moves it)` },
  { file: '/usr/bin/php', debian: 'php-cli', why: 'PHP, to run the WordPress example’s plugin' },
].filter((need) => !existsSync(need.file));

if (needs.length) {
  const packages = needs.map((need) => need.debian);
  if (process.getuid?.() !== 0) {
    console.error(`Missing: ${needs.map((need) => need.why).join('; ')}. Install with: sudo apt-get install -y ${packages.join(' ')}`);
    process.exit(1);
  }
  console.log(`Installing Debian’s ${packages.join(', ')} for the tests…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
}
