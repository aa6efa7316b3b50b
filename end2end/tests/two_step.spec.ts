// An administrator turns on sign-in codes from an authenticator app and
// signs in with one; a wrong code says so and loses nothing.

import { test, expect, hydrated, setUpAdministrator } from './fixtures';
import { totp } from './totp';

test('an administrator sets up two-step verification and signs in with a code', async ({ page, app }) => {
  await setUpAdministrator(page, app);
  await page.goto(app.baseURL + '/account');
  await page.getByRole('link', { name: 'Xác thực hai bước' }).click();
  await expect(page.getByRole('heading', { name: 'Xác thực hai bước', level: 1 })).toBeVisible();
  await expect(page.getByText('Xác thực hai bước đang tắt.')).toBeVisible();
  await hydrated(page);
  await page.getByRole('button', { name: 'Bắt đầu cài đặt' }).click();

  await expect(page.getByRole('img', { name: 'Mã QR để thêm Tiêu biểu vào ứng dụng xác thực' })).toBeVisible();
  const secret = (await page.locator('code.secret').textContent()) ?? '';
  expect(secret.replace(/\s/g, '')).toMatch(/^[A-Z2-7]{32}$/);
  const at = Date.now() / 1000;
  await hydrated(page);
  await page.getByLabel('Mã xác thực').fill('000 00');
  await page.getByRole('button', { name: 'Bật xác thực hai bước' }).click();
  await expect(page.getByText('Mã xác thực gồm đúng 6 chữ số.').first()).toBeVisible();
  const code = totp(secret, at);
  await page.getByLabel('Mã xác thực').fill(`${code.slice(0, 3)} ${code.slice(3)}`);
  await page.getByRole('button', { name: 'Bật xác thực hai bước' }).click();
  await expect(page.getByText('Đã bật xác thực hai bước.')).toBeVisible();

  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page).toHaveURL(app.baseURL + '/');
  await page.goto(app.baseURL + '/sign-in?next=/admin/accounts');
  await hydrated(page);
  await page.getByLabel('E-mail hoặc số điện thoại').fill('admin@sct.dongnai.gov.vn');
  await page.getByLabel('Mật khẩu', { exact: true }).fill('quản trị an toàn');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(/\/sign-in\/code$/);
  await expect(page.getByRole('heading', { name: 'Nhập mã xác thực' })).toBeVisible();
  await hydrated(page);
  // The code that set it up is spent.
  await page.getByLabel('Mã xác thực').fill(code);
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await expect(page.getByRole('alert')).toContainText('Mã không đúng hoặc đã được dùng');
  await expect(page.getByLabel('Mã xác thực')).toHaveValue(code);
  await page.getByLabel('Mã xác thực').fill(totp(secret, at + 30));
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await expect(page).toHaveURL(/\/admin\/accounts$/);
  await expect(page.getByRole('row', { name: /Quản Trị Viên/ })).toContainText('Có xác thực hai bước');
});
