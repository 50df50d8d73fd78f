import { defineConfig } from '@playwright/test';
import { locateChromium } from './scripts/find-chromium.mjs';

// E2E_PORT lets a second checkout run its tests beside another preview server.
const PORT = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'e2e',
  // The machines this runs on are small: one worker keeps timings honest and the preview server calm.
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: true,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    viewport: { width: 1440, height: 900 },
    permissions: ['clipboard-read', 'clipboard-write'],
    // Builds register an offline service worker; a request it answered would bypass page.route, and a
    // test expects a fresh load. e2e/offline.spec.ts allows it for the test that needs it.
    serviceWorkers: 'block',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: locateChromium() ?? undefined,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    // The production build, as users get it (npm run test:e2e builds first).
    command: process.env.E2E_PORT ? `npm run preview -- --port ${PORT} --strictPort` : 'npm run preview',
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
