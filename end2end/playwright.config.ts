import { defineConfig } from '@playwright/test';

// Journeys run in Debian's Chromium (Playwright's own browser download
// cannot work on these machines). Each test starts its own server on its
// own database (see tests/fixtures.ts), so tests never see each other.
export default defineConfig({
  testDir: './tests',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  retries: 0,
  reporter: 'list',
  use: {
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'sqlite', use: { browserName: 'chromium', database: 'sqlite' } as any },
    { name: 'postgres', use: { browserName: 'chromium', database: 'postgres' } as any },
  ],
});
