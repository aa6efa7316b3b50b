// Journeys of the foundation: sign-up, sign-in, the setup link, and
// invitations (from the outbox and through a real SMTP server).

import { test, expect, hydrated, signUp, setUpAdministrator, startApp } from './fixtures';
import { startInbox } from './smtp';

test('a representative signs up, signs out and signs in again', async ({ page, app }) => {
  await page.goto(app.baseURL + '/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await page.getByRole('link', { name: 'Đăng ký', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Đăng ký tài khoản' })).toBeVisible();
  await hydrated(page);
  await signUp(page, 'Cơ sở Gốm Tân Vạn', { phone: '0912 345 678' }, 'gốm tân vạn đẹp');
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByText('Cơ sở Gốm Tân Vạn')).toBeVisible();
  await expect(page.getByText('0912 345 678')).toBeVisible();

  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page).toHaveURL(app.baseURL + '/');
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Đăng nhập' })).toBeVisible();

  await page.getByRole('navigation').getByRole('link', { name: 'Đăng nhập' }).click();
  await hydrated(page);
  await page.getByLabel('E-mail hoặc số điện thoại').fill('+84 912 345 678');
  await page.getByLabel('Mật khẩu', { exact: true }).fill('gốm tân vạn đẹp');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole('navigation').getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
});

test('a wrong password says so without telling which part was wrong', async ({ page, app }) => {
  await page.goto(app.baseURL + '/sign-up');
  await hydrated(page);
  await signUp(page, 'Lan', { email: 'lan@example.vn' }, 'mật khẩu của lan');
  await expect(page).toHaveURL(/\/account$/);
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page).toHaveURL(app.baseURL + '/');

  await page.goto(app.baseURL + '/sign-in');
  await hydrated(page);
  await page.getByLabel('E-mail hoặc số điện thoại').fill('lan@example.vn');
  await page.getByLabel('Mật khẩu', { exact: true }).fill('không phải mật khẩu');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('alert')).toContainText('E-mail/số điện thoại hoặc mật khẩu không đúng');
  await expect(page.getByLabel('E-mail hoặc số điện thoại')).toHaveValue('lan@example.vn');
  await expect(page).toHaveURL(/\/sign-in$/);
});

test('the setup link creates the first administrator once', async ({ page, app }) => {
  const link = await app.setupLink();
  await setUpAdministrator(page, app);
  await expect(page.getByRole('heading', { name: 'Tài khoản người dùng', level: 1 })).toBeVisible();
  await expect(page.getByRole('row', { name: /Quản Trị Viên/ })).toBeVisible();

  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page).toHaveURL(app.baseURL + '/');
  await page.goto(link);
  await expect(page.getByRole('alert')).toContainText('Liên kết không hợp lệ, đã được sử dụng hoặc đã hết hạn');
  await expect(page.getByLabel('Mật khẩu', { exact: true })).toHaveCount(0);
});

async function inviteJuror(page: import('@playwright/test').Page, email: string) {
  await page.getByLabel('Địa chỉ e-mail').fill(email);
  await page.getByLabel('Họ và tên (không bắt buộc)').fill('Giám Khảo Một');
  await page.getByLabel('Vai trò', { exact: true }).selectOption('juror');
  await page.getByRole('button', { name: 'Gửi lời mời' }).click();
  await expect(page.getByText('Đã tạo lời mời.')).toBeVisible();
  await expect(page.getByRole('row', { name: /Giám Khảo Một/ })).toContainText('Đã mời');
}

async function acceptInvitation(page: import('@playwright/test').Page, link: string) {
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Lời mời tham gia' })).toBeVisible();
  await expect(page.getByText('với vai trò Giám khảo')).toBeVisible();
  await hydrated(page);
  await page.getByLabel('Mật khẩu', { exact: true }).fill('chấm điểm công tâm');
  await page.getByLabel('Nhập lại mật khẩu').fill('chấm điểm công tâm');
  await page.getByRole('button', { name: 'Kích hoạt tài khoản' }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByText('Giám Khảo Một')).toBeVisible();
  await expect(page.locator('.chips')).toContainText('Giám khảo');
}

test('an invitation is accepted from the outbox when no mail server is configured', async ({ page, app }) => {
  await setUpAdministrator(page, app);
  await inviteJuror(page, 'giamkhao@example.vn');
  await expect(page.getByText('Chưa cấu hình máy chủ thư')).toBeVisible();

  await page.getByRole('navigation').getByRole('link', { name: 'Hộp thư đi' }).click();
  await expect(page.getByText('Chưa cấu hình máy chủ thư (TIEUBIEU_SMTP_URL)')).toBeVisible();
  await page.locator('.message summary').first().click();
  const body = await page.locator('.message-body').first().innerText();
  const link = body.match(/http:\/\/\S+\/invitation\/[A-Za-z0-9_-]{43}/)![0];

  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page).toHaveURL(app.baseURL + '/');
  await acceptInvitation(page, link);

  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await page.goto(link);
  await expect(page.getByRole('alert')).toContainText('Liên kết không hợp lệ');
});

test('an invitation arrives through a real SMTP server', async ({ page, database }) => {
  const inbox = await startInbox();
  const app = await startApp(database, { smtpUrl: inbox.url });
  try {
    await setUpAdministrator(page, app);
    await inviteJuror(page, 'giamkhao@example.vn');
    const mail = await inbox.waitFor('giamkhao@example.vn');
    expect(mail.subject).toContain('Lời mời tham gia hệ thống Tiêu biểu');
    const link = mail.text!.match(/http:\/\/\S+\/invitation\/[A-Za-z0-9_-]{43}/)![0];

    await page.goto(app.baseURL + '/admin/outbox');
    await expect(page.locator('.message .status').first()).toHaveText('Đã gửi');

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await expect(page).toHaveURL(app.baseURL + '/');
    await acceptInvitation(page, link);
  } finally {
    await app.stop();
    await inbox.close();
  }
});

test('a forgotten password is reset through the link in the e-mail', async ({ page, database }) => {
  const inbox = await startInbox();
  const app = await startApp(database, { smtpUrl: inbox.url });
  try {
    await page.goto(app.baseURL + '/sign-up');
    await hydrated(page);
    await signUp(page, 'Lan', { email: 'lan@example.vn' }, 'mật khẩu cũ của lan');
    await expect(page).toHaveURL(/\/account$/);
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await expect(page).toHaveURL(app.baseURL + '/');

    await page.getByRole('navigation').getByRole('link', { name: 'Đăng nhập' }).click();
    await page.getByRole('link', { name: 'Quên mật khẩu?' }).click();
    await hydrated(page);
    await page.getByLabel('E-mail hoặc số điện thoại').fill('lan@example.vn');
    await page.getByRole('button', { name: 'Gửi liên kết đặt lại mật khẩu' }).click();
    await expect(page.getByRole('status')).toContainText('chúng tôi đã gửi liên kết');

    const mail = await inbox.waitFor('lan@example.vn');
    const link = mail.text!.match(/http:\/\/\S+\/reset-password\/[A-Za-z0-9_-]{43}/)![0];
    await page.goto(link);
    await hydrated(page);
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill('mật khẩu mới của lan');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('mật khẩu mới của lan');
    await page.getByRole('button', { name: 'Lưu mật khẩu mới' }).click();
    await expect(page).toHaveURL(/\/account$/);

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.goto(app.baseURL + '/sign-in');
    await hydrated(page);
    await page.getByLabel('E-mail hoặc số điện thoại').fill('lan@example.vn');
    await page.getByLabel('Mật khẩu', { exact: true }).fill('mật khẩu mới của lan');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page).toHaveURL(/\/account$/);
  } finally {
    await app.stop();
    await inbox.close();
  }
});

test('the interface switches to English and back', async ({ page, app }) => {
  await page.goto(app.baseURL + '/sign-in');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
});

test('pages fit a 360-pixel-wide phone', async ({ page, app }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of ['/', '/sign-up', '/sign-in', '/catalogue', '/verify?number=001%2F2026%2FGCN-CNNT']) {
    await page.goto(app.baseURL + path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});

test.describe('with JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false });

  test('sign-up, a mistake, sign-out and sign-in all work as plain forms', async ({ page, app }) => {
    await page.goto(app.baseURL + '/sign-up');
    await page.getByLabel('Họ và tên').fill('Hộ kinh doanh Bánh Pía');
    await page.getByLabel('Địa chỉ e-mail').fill('banhpia@example.vn');
    await page.getByLabel('Mật khẩu', { exact: true }).fill('bánh pía sóc trăng');
    await page.getByLabel('Nhập lại mật khẩu').fill('bánh pía sóc trăng!');
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await expect(page.getByRole('alert')).toContainText('Hai mật khẩu không khớp nhau');
    await expect(page.getByLabel('Họ và tên')).toHaveValue('Hộ kinh doanh Bánh Pía');
    await expect(page.getByLabel('Địa chỉ e-mail')).toHaveValue('banhpia@example.vn');

    await page.getByLabel('Mật khẩu', { exact: true }).fill('bánh pía sóc trăng');
    await page.getByLabel('Nhập lại mật khẩu').fill('bánh pía sóc trăng');
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByText('Hộ kinh doanh Bánh Pía')).toBeVisible();

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await expect(page).toHaveURL(app.baseURL + '/');
    await page.getByRole('navigation').getByRole('link', { name: 'Đăng nhập' }).click();
    await page.getByLabel('E-mail hoặc số điện thoại').fill('banhpia@example.vn');
    await page.getByLabel('Mật khẩu', { exact: true }).fill('bánh pía sóc trăng');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();

    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { name: 'My account' })).toBeVisible();
  });
});
