// The browser tests need Debian's Chromium (test tools cannot download a browser here).
// Installs it with apt-get when missing and we are root; otherwise says what to run.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROME_PATH || '/usr/bin/chromium';
if (!existsSync(path)) {
  if (process.getuid?.() !== 0) {
    console.error(`Chromium not found at ${path}. Install it with: sudo apt-get install -y chromium (or set CHROME_PATH).`);
    process.exit(1);
  }
  console.log('Installing Debian’s chromium for the browser tests…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'inherit', env });
}
