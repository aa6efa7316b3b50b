// Test fixtures: every test gets its own Tiêu biểu server on a free port,
// with a fresh data directory and a fresh database (a SQLite file, or a
// PostgreSQL schema of its own), optionally pointed at an SMTP server.

import { test as base, expect, APIRequestContext, Page } from '@playwright/test';
import { spawn, spawnSync, ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

const ROOT = path.resolve(__dirname, '..', '..');
const BINARY = process.env.TIEUBIEU_BIN ?? path.join(ROOT, 'target', 'debug', 'tieubieu');
const SITE_ROOT = process.env.LEPTOS_SITE_ROOT ?? path.join(ROOT, 'target', 'site');
const PG_URL = process.env.TIEUBIEU_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type Database = 'sqlite' | 'postgres';

export interface RunningApp {
  baseURL: string;
  /** The one-time setup link the server printed at start. */
  setupLink: () => Promise<string>;
  /** Everything the server printed so far. */
  output: () => string;
  /** Runs one SQL statement on the app's database (test set-up only,
   * for what no person can do through the site, such as letting time
   * pass a deadline). */
  sql: (statement: string) => Promise<void>;
  stop: () => Promise<void>;
}

export interface StartOptions {
  smtpUrl?: string;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address && typeof address === 'object') {
        const port = address.port;
        server.close(() => resolve(port));
      } else {
        reject(new Error('no port'));
      }
    });
  });
}

async function postgresSchema(): Promise<{ url: string; drop: () => Promise<void> }> {
  const schema = `tb_e2e_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const client = new Client({ connectionString: PG_URL });
  await client.connect();
  await client.query(`CREATE SCHEMA ${schema}`);
  await client.end();
  const separator = PG_URL.includes('?') ? '&' : '?';
  return {
    url: `${PG_URL}${separator}options=-c%20search_path%3D${schema}`,
    drop: async () => {
      const c = new Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}

export async function startApp(database: Database, options: StartOptions = {}): Promise<RunningApp> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tieubieu-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LEPTOS_SITE_ADDR: `127.0.0.1:${port}`,
    LEPTOS_SITE_ROOT: SITE_ROOT,
    LEPTOS_OUTPUT_NAME: 'tieubieu',
    TIEUBIEU_DATA_DIR: dataDir,
    RUST_LOG: process.env.E2E_RUST_LOG ?? 'warn',
  };
  delete env.DATABASE_URL;
  let dropSchema: (() => Promise<void>) | undefined;
  let sql: (statement: string) => Promise<void>;
  if (database === 'postgres') {
    const pg = await postgresSchema();
    env.DATABASE_URL = pg.url;
    dropSchema = pg.drop;
    sql = async (statement) => {
      const client = new Client({ connectionString: pg.url });
      await client.connect();
      await client.query(statement);
      await client.end();
    };
  } else {
    // Python's standard sqlite3, beside the running server (WAL allows it).
    const file = path.join(dataDir, 'tieubieu.db');
    sql = async (statement) => {
      const script = 'import sqlite3, sys\nc = sqlite3.connect(sys.argv[1], timeout=10)\nc.execute(sys.argv[2])\nc.commit()';
      const result = spawnSync('python3', ['-c', script, file, statement], { encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`sqlite: ${result.stderr}`);
    };
  }
  if (options.smtpUrl) env.TIEUBIEU_SMTP_URL = options.smtpUrl;

  const child: ChildProcess = spawn(BINARY, [], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk) => (output += chunk.toString()));
  const baseURL = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      const response = await fetch(`${baseURL}/healthz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    baseURL,
    sql,
    output: () => output,
    setupLink: async () => {
      const match = output.match(/http:\/\/127\.0\.0\.1:\d+\/setup\/[A-Za-z0-9_-]{43}/);
      if (!match) throw new Error(`no setup link printed:\n${output}`);
      return match[0];
    },
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      if (dropSchema) await dropSchema();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

type Fixtures = { app: RunningApp; database: Database };

export const test = base.extend<Fixtures>({
  database: ['sqlite', { option: true }],
  // Any script error or console error (a Content-Security-Policy
  // violation, a failed hydration) fails the test. The page depends on the
  // server, so it is checked (once its last loads, a favicon or a
  // thumbnail, have finished) before the server stops, never while it
  // goes down under a request still in flight.
  page: async ({ page, app }, use) => {
    void app;
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      // Refusals (4xx) of server functions are answers, not failures;
      // Chromium still logs each one.
      const expectedRefusal = /Failed to load resource: the server responded with a status of 4\d\d/;
      if (message.type() === 'error' && !expectedRefusal.test(message.text())) {
        problems.push(`console: ${message.text()}`);
      }
    });
    await use(page);
    await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {});
    if (problems.length > 0) console.log(`problems at ${page.url()}`);
    expect(problems, 'no script or console errors').toEqual([]);
  },
  app: async ({ database }, use, testInfo) => {
    const app = await startApp(database);
    await use(app);
    if (testInfo.status !== testInfo.expectedStatus) {
      console.log(`--- server output ---\n${app.output()}\n--- end of server output ---`);
    }
    await app.stop();
  },
});

export { expect };

/** Waits until the WebAssembly has hydrated the page. */
export async function hydrated(page: Page): Promise<void> {
  await page.locator('body[data-hydrated="true"]').waitFor({ state: 'attached' });
}

/** Fills the sign-up form and submits it. */
export async function signUp(page: Page, name: string, contact: { email?: string; phone?: string }, password: string) {
  await page.getByLabel('Họ và tên').fill(name);
  if (contact.email) await page.getByLabel('Địa chỉ e-mail').fill(contact.email);
  if (contact.phone) await page.getByLabel('Số điện thoại').fill(contact.phone);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByLabel('Nhập lại mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
}

/** Creates the first administrator through the setup link. */
export async function setUpAdministrator(page: Page, app: RunningApp) {
  await page.goto(await app.setupLink());
  await page.getByLabel('Họ và tên').fill('Quản Trị Viên');
  await page.getByLabel('Địa chỉ e-mail').fill('admin@sct.dongnai.gov.vn');
  await page.getByLabel('Mật khẩu', { exact: true }).fill('quản trị an toàn');
  await page.getByLabel('Nhập lại mật khẩu').fill('quản trị an toàn');
  await page.getByRole('button', { name: 'Tạo tài khoản quản trị' }).click();
  await expect(page).toHaveURL(/\/admin\/accounts$/);
}

/** A small PDF. */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** Calls a server function as whoever `request` is signed in as; fails
 * the test on a refusal. */
export async function call(request: APIRequestContext, app: RunningApp, name: string, form: Record<string, string>) {
  const response = await request.post(`${app.baseURL}/api/${name}`, {
    form,
    headers: { Accept: 'application/json' },
    maxRedirects: 0,
  });
  expect(response.status(), `${name}: ${await response.text()}`).toBeLessThan(400);
  return response;
}

/** Colour photos made by the browser's canvas, as a phone would send. */
export async function photos(page: Page): Promise<{ name: string; mimeType: string; buffer: Buffer }[]> {
  const urls: string[] = await page.evaluate(() =>
    [['#8a1c1c', 'mặt trước'], ['#1c5a8a', 'bên'], ['#2e7d32', 'trên']].map(([color, label]) => {
      const canvas = document.createElement('canvas');
      canvas.width = 800;
      canvas.height = 600;
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#f6f5f2';
      ctx.fillRect(0, 0, 800, 600);
      ctx.fillStyle = color;
      ctx.beginPath();
      ctx.arc(400, 300, 180, 0, Math.PI * 2);
      ctx.fill();
      ctx.fillStyle = '#1a1a1a';
      ctx.font = '40px sans-serif';
      ctx.fillText(label, 40, 560);
      return canvas.toDataURL('image/jpeg', 0.85);
    }),
  );
  return urls.map((url, i) => ({
    name: ['ảnh mặt trước.jpg', 'ảnh bên.jpg', 'ảnh trên.jpg'][i],
    mimeType: 'image/jpeg',
    buffer: Buffer.from(url.split(',')[1], 'base64'),
  }));
}
