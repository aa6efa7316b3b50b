// The entrant's journey on a phone: register, describe the business, fill
// an entry, attach photos and a PDF, submit, get a correction request from
// the secretariat, correct and resubmit; and the same without JavaScript.

import { Browser, Page, devices } from '@playwright/test';
import { test, expect, hydrated, signUp, setUpAdministrator, RunningApp, PDF, photos, call as callAs } from './fixtures';

/** Calls a server function as the signed-in administrator. */
async function call(page: Page, app: RunningApp, name: string, form: Record<string, string>) {
  return callAs(page.request, app, name, form);
}

/** An administrator sets up a provincial round that takes entries now,
 * with a secretary who can sign in. */
async function openRound(page: Page, app: RunningApp) {
  await setUpAdministrator(page, app);
  const geography = await (await page.request.post(`${app.baseURL}/api/list_geography`, { headers: { Accept: 'application/json' } })).json();
  const province = geography.levels.find((l: any) => l.rank === 2).id;
  await call(page, app, 'save_territory', { level: province, name_vi: 'Đồng Nai', name_en: '' });
  const again = await (await page.request.post(`${app.baseURL}/api/list_geography`, { headers: { Accept: 'application/json' } })).json();
  const territory = again.territories.find((t: any) => t.name_vi === 'Đồng Nai').id;
  const created = await call(page, app, 'create_round', {
    level: province, territory, parent_round: '', copy_from: '', title: 'Bình chọn sản phẩm CNNT tiêu biểu tỉnh Đồng Nai 2026',
    year: '2026', entries_open: '2020-01-01T08:00', entries_close: '2099-06-30T17:00', judging_close: '2099-08-31T17:00',
    threshold: '70', quorum_percent: '50', majority_percent: '50', certificate_pattern: '{seq}/{year}/GCN-CNNT',
    score_step: '0,5', spread_flag: '20',
  });
  const round = (created.headers()['location'] ?? '').replace('/rounds/', '');
  await call(page, app, 'invite_account', { email: 'thuky@sct.dongnai.gov.vn', name: 'Trần Thư Ký', role: 'secretary' });
  await call(page, app, 'add_round_member', { round, identifier: 'thuky@sct.dongnai.gov.vn', role: 'secretary' });
  await call(page, app, 'move_round', { round, to: 'open', reason: '' });
  // The secretary's invitation link, from the outbox.
  await page.goto(app.baseURL + '/admin/outbox');
  await page.locator('.message summary').first().click();
  const body = await page.locator('.message-body').first().innerText();
  const link = body.match(/http:\/\/\S+\/invitation\/[A-Za-z0-9_-]{43}/)![0];
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page).toHaveURL(app.baseURL + '/');
  return link;
}

async function fillBusiness(page: Page) {
  await page.getByLabel('Tên cơ sở').fill('Hợp tác xã Gốm Tân Vạn');
  await page.getByLabel('Loại hình').selectOption('cooperative');
  await page.getByLabel('Số giấy chứng nhận đăng ký').fill('3600123456');
  await page.getByLabel('Mã số thuế').fill('3600123456');
  await page.getByLabel('Tỉnh, thành phố').fill('Đồng Nai');
  await page.getByLabel('Xã, phường').fill('Phường Tân Vạn');
  await page.getByLabel('Số nhà, đường, thôn, ấp').fill('12 Bùi Hữu Nghĩa');
  await page.getByLabel('Họ và tên người đại diện').fill('Nguyễn Văn Gốm');
  await page.getByLabel('Chức vụ').fill('Giám đốc');
  await page.getByLabel('Số điện thoại liên hệ').fill('0912 345 678');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Đã lưu thông tin cơ sở.')).toBeVisible();
}

const TEXTS: [string, string][] = [
  ['Giới thiệu sản phẩm', 'Bình gốm trang trí men rạn, vẽ tay.'],
  ['Nguyên liệu và nguồn gốc', 'Đất sét Tân Vạn, men tro trấu.'],
  ['Quy trình sản xuất và công nghệ', 'Tạo hình bàn xoay, nung lò gas 1.200 độ.'],
  ['Năng lực sản xuất và sản lượng', '5.000 sản phẩm mỗi năm.'],
  ['Thị trường tiêu thụ và doanh thu', 'Trong nước và Nhật Bản; 3 tỷ đồng năm 2025.'],
  ['Lao động và thu nhập', '25 lao động, 7 triệu đồng mỗi tháng.'],
  ['Biện pháp bảo vệ môi trường', 'Lò gas, thu gom nước thải.'],
  ['Giá trị văn hóa, thẩm mỹ', 'Dòng gốm Biên Hòa hơn 100 năm.'],
];

async function fillEntry(page: Page) {
  await page.getByLabel('Tên sản phẩm (hoặc bộ sản phẩm)').fill('Bình gốm men rạn Biên Hòa');
  await page.getByLabel('Nhóm sản phẩm').selectOption('1');
  for (const [label, text] of TEXTS) await page.getByLabel(label, { exact: true }).fill(text);
}

async function secretaryReturns(browser: Browser, app: RunningApp, link: string, product: string, message: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await hydrated(page);
  await page.getByLabel('Mật khẩu', { exact: true }).fill('thư ký cẩn thận');
  await page.getByLabel('Nhập lại mật khẩu').fill('thư ký cẩn thận');
  await page.getByRole('button', { name: 'Kích hoạt tài khoản' }).click();
  await expect(page).toHaveURL(/\/account$/);
  return { context, page, async returnEntry(entryUrl: string) {
    await page.goto(entryUrl);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(product);
    await page.getByLabel('Nội dung cần bổ sung, sửa chữa').fill(message);
    await page.getByRole('button', { name: 'Gửi yêu cầu và trả hồ sơ' }).click();
    await expect(page.getByText('Đã trả hồ sơ để cơ sở bổ sung, sửa chữa.')).toBeVisible();
  } };
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 760 }, hasTouch: true, isMobile: true });

  test('an entrant registers, enters a product, submits, corrects and resubmits', async ({ page, app, browser }) => {
    const link = await openRound(page, app);

    await page.goto(app.baseURL + '/sign-up');
    await hydrated(page);
    await signUp(page, 'Nguyễn Văn Gốm', { email: 'gom@example.vn' }, 'gốm tân vạn đẹp');
    await expect(page).toHaveURL(/\/account$/);
    await page.goto(app.baseURL + '/entries');
    await expect(page.getByText('Trước khi đăng ký sản phẩm, hãy khai báo thông tin cơ sở')).toBeVisible();
    await page.getByRole('link', { name: 'Thông tin cơ sở' }).click();
    await fillBusiness(page);

    await page.goto(app.baseURL + '/entries');
    await page.getByRole('button', { name: 'Đăng ký sản phẩm dự thi' }).click();
    await expect(page).toHaveURL(/\/entries\/[0-9a-f-]+$/);
    const entryUrl = page.url();
    await hydrated(page);
    await fillEntry(page);
    // The draft saves itself: it is there after leaving and coming back.
    await expect(page.getByText('Đã lưu.', { exact: true }).first()).toBeVisible({ timeout: 15_000 });
    await page.goto(app.baseURL + '/entries');
    await page.goto(entryUrl);
    await expect(page.getByLabel('Nguyên liệu và nguồn gốc', { exact: true })).toHaveValue('Đất sét Tân Vạn, men tro trấu.');
    await hydrated(page);

    // Photos and documents, with progress.
    await page.getByLabel('Thêm ảnh sản phẩm').setInputFiles(await photos(page));
    await page.locator('form.upload', { hasText: 'Thêm ảnh sản phẩm' }).getByRole('button', { name: 'Tải lên' }).click();
    await expect(page.locator('.files img')).toHaveCount(3);
    await hydrated(page);
    await page.getByLabel('Thêm bản sao giấy chứng nhận đăng ký').setInputFiles({ name: 'GCN đăng ký HTX.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.locator('form.upload', { hasText: 'Thêm bản sao giấy chứng nhận đăng ký' }).getByRole('button', { name: 'Tải lên' }).click();
    await expect(page.getByRole('link', { name: 'GCN đăng ký HTX.pdf' })).toBeVisible();
    await expect(page.getByText('Hồ sơ đã đủ các mục bắt buộc và có thể nộp.')).toBeVisible();

    // A renamed program is refused by content.
    await hydrated(page);
    await page.getByLabel(/Thêm tài liệu/).setInputFiles({ name: 'kết quả kiểm nghiệm.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ\x90\x00 not a pdf') });
    await page.locator('form.upload', { hasText: 'Thêm tài liệu' }).getByRole('button', { name: 'Tải lên' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Chỉ nhận: PDF, JPEG, PNG' })).toBeVisible();

    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await expect(page.getByText('Đã nộp hồ sơ.')).toBeVisible();
    await expect(page.locator('.round-meta')).toContainText('Đã nộp');

    // The secretariat asks for a correction.
    const secretary = await secretaryReturns(browser, app, link, 'Bình gốm men rạn Biên Hòa', 'Đề nghị bổ sung ảnh mặt đáy sản phẩm.');
    await secretary.returnEntry(entryUrl);
    await secretary.context.close();

    await page.goto(app.baseURL + '/entries');
    await expect(page.getByText('Cần bổ sung, sửa chữa')).toBeVisible();
    await expect(page.getByText('Đề nghị bổ sung ảnh mặt đáy sản phẩm.')).toBeVisible();
    await page.getByRole('link', { name: 'Bình gốm men rạn Biên Hòa' }).click();
    await hydrated(page);
    const [bottom] = await photos(page);
    await page.getByLabel('Thêm ảnh sản phẩm').setInputFiles({ ...bottom, name: 'ảnh mặt đáy.jpg' });
    await page.locator('form.upload', { hasText: 'Thêm ảnh sản phẩm' }).getByRole('button', { name: 'Tải lên' }).click();
    await expect(page.locator('.files img')).toHaveCount(4);
    await page.getByRole('button', { name: 'Nộp lại hồ sơ đã sửa' }).click();
    await expect(page.getByText('Đã nộp hồ sơ.')).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 760 } });

  test('the same submission works as plain forms', async ({ page, app, browser }) => {
    // Set-up through a scripted context.
    const admin = await browser.newContext();
    await openRound(await admin.newPage(), app);
    await admin.close();

    await page.goto(app.baseURL + '/sign-up');
    await signUp(page, 'Hộ kinh doanh Bánh Pía', { phone: '0912 000 111' }, 'bánh pía sóc trăng');
    await expect(page).toHaveURL(/\/account$/);
    await page.goto(app.baseURL + '/business');
    await fillBusiness(page);
    await page.goto(app.baseURL + '/entries');
    await page.getByRole('button', { name: 'Đăng ký sản phẩm dự thi' }).click();
    await expect(page).toHaveURL(/\/entries\/[0-9a-f-]+$/);
    await fillEntry(page);
    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    await expect(page.getByLabel('Nguyên liệu và nguồn gốc', { exact: true })).toHaveValue('Đất sét Tân Vạn, men tro trấu.');

    const helper = await browser.newContext();
    const canvasPage = await helper.newPage();
    await canvasPage.goto(app.baseURL + '/');
    const images = await photos(canvasPage);
    await helper.close();
    await page.getByLabel('Thêm ảnh sản phẩm').setInputFiles(images);
    await page.locator('form.upload', { hasText: 'Thêm ảnh sản phẩm' }).getByRole('button', { name: 'Tải lên' }).click();
    await expect(page.getByText('Đã tải lên 3 tệp.')).toBeVisible();
    await page.getByLabel('Thêm bản sao giấy chứng nhận đăng ký').setInputFiles({ name: 'giấy đăng ký.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.locator('form.upload', { hasText: 'Thêm bản sao giấy chứng nhận đăng ký' }).getByRole('button', { name: 'Tải lên' }).click();
    await expect(page.getByText('Đã tải lên 1 tệp.')).toBeVisible();
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await expect(page.getByText('Đã nộp hồ sơ.')).toBeVisible();
    await expect(page.locator('.round-meta')).toContainText('Đã nộp');
  });
});
