#!/usr/bin/env node
// Finds a Chromium for Playwright, or gets one, or says exactly what to run.
// Order: $PLAYWRIGHT_CHROMIUM_PATH, /usr/bin/chromium, Playwright's own browsers;
// then `npx playwright install chromium`; then `apt-get install -y chromium` as root.
// Prints the path found. playwright.config.ts uses locateChromium() for the same order.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

export const ENV_VAR = 'PLAYWRIGHT_CHROMIUM_PATH';
const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function playwrightOwnChromium() {
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require('playwright-core');
    const path = chromium.executablePath();
    return path && isExecutable(path) ? path : null;
  } catch {
    return null;
  }
}

/**
 * The Chromium to use, without installing anything: the env var (when set it
 * must point at an executable), then the system package, then Playwright's.
 * Returns null when there is none.
 */
export function locateChromium(env = process.env) {
  const fromEnv = env[ENV_VAR];
  if (fromEnv) {
    if (!isExecutable(fromEnv)) throw new Error(`${ENV_VAR} is set to "${fromEnv}", which is not an executable file. Fix or unset it.`);
    return fromEnv;
  }
  return SYSTEM_PATHS.find(isExecutable) ?? playwrightOwnChromium();
}

function run(command, args) {
  console.error(`find-chromium: running ${command} ${args.join(' ')}`);
  return spawnSync(command, args, { stdio: 'inherit' }).status === 0;
}

function main() {
  let found;
  try {
    found = locateChromium();
  } catch (error) {
    console.error(`find-chromium: ${error.message}`);
    process.exit(1);
  }
  if (!found) {
    run('npx', ['--no-install', 'playwright', 'install', 'chromium']);
    found = playwrightOwnChromium();
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!found && isRoot && spawnSync('sh', ['-c', 'command -v apt-get']).status === 0) {
    run('apt-get', ['update']);
    run('apt-get', ['install', '-y', 'chromium']);
    found = SYSTEM_PATHS.find(isExecutable) ?? null;
  }
  if (!found) {
    console.error(
      [
        'find-chromium: no Chromium found for the end-to-end tests. Do one of these, then run npm test again:',
        '  sudo apt-get install -y chromium            # Debian/Ubuntu system package',
        '  npx playwright install chromium             # Playwright\'s own build (needs internet)',
        `  export ${ENV_VAR}=/path/to/chrome   # any Chromium or Chrome you already have`,
      ].join('\n'),
    );
    process.exit(1);
  }
  console.log(found);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
