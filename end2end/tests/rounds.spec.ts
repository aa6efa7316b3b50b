// The rounds journey: an administrator sets up a provincial round with
// sub-criteria, gives people their roles, and opens it for entries.

import { Page } from '@playwright/test';
import { test, expect, setUpAdministrator } from './fixtures';

async function invite(page: Page, email: string, name: string, role: string) {
  await page.goto(page.url().replace(/\/[^/]*\/[^/]*$/, '') + '/admin/accounts');
  await page.getByLabel('Địa chỉ e-mail').fill(email);
  await page.getByLabel('Họ và tên (không bắt buộc)').fill(name);
  await page.getByLabel('Vai trò', { exact: true }).selectOption(role);
  await page.getByRole('button', { name: 'Gửi lời mời' }).click();
  await expect(page.getByText('Đã tạo lời mời.')).toBeVisible();
}

async function assign(page: Page, email: string, role: string, extra: (page: Page) => Promise<void> = async () => {}) {
  await page.getByLabel('E-mail hoặc số điện thoại').fill(email);
  await page.getByLabel('Vai trò', { exact: true }).selectOption(role);
  await extra(page);
  await page.getByRole('button', { name: 'Phân công' }).click();
  await expect(page.getByText('Đã phân công thành viên.')).toBeVisible();
}

function tab(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Các trang của đợt bình chọn' }).getByRole('link', { name });
}

test('an administrator sets up a provincial round and opens it for entries', async ({ page, app }) => {
  await setUpAdministrator(page, app);
  const base = app.baseURL;

  // People who will run, judge and decide.
  await invite(page, 'thuky@sct.dongnai.gov.vn', 'Trần Thư Ký', 'secretary');
  await invite(page, 'gk1@sct.dongnai.gov.vn', 'Lê Giám Khảo', 'juror');
  await invite(page, 'gk2@sct.dongnai.gov.vn', 'Phạm Giám Khảo', 'juror');
  for (const [email, name] of [['hd1@dongnai.gov.vn', 'Nguyễn Chủ Tịch'], ['hd2@dongnai.gov.vn', 'Võ Phó Chủ Tịch'], ['hd3@dongnai.gov.vn', 'Đỗ Ủy Viên']]) {
    await invite(page, email, name, 'council_member');
  }

  // The province as a territory under its region.
  await page.goto(base + '/admin/geography');
  await page.locator('#territory-name_vi').fill('Đồng Nai');
  await page.locator('#territory-level').selectOption({ label: 'Cấp tỉnh' });
  await page.locator('#territory-parent').selectOption({ label: 'Miền Nam' });
  await page.getByRole('button', { name: 'Thêm địa bàn' }).click();
  await expect(page.getByText('Đã lưu địa bàn.')).toBeVisible();

  // The round, with a mistake first: entries closing before they open.
  await page.goto(base + '/rounds');
  await page.getByRole('link', { name: 'Tạo đợt bình chọn' }).click();
  await page.getByLabel('Tên đợt bình chọn').fill('Bình chọn sản phẩm CNNT tiêu biểu tỉnh Đồng Nai năm 2026');
  await page.getByLabel('Địa bàn', { exact: true }).selectOption({ label: 'Đồng Nai' });
  const open = await page.getByLabel('Bắt đầu nhận hồ sơ').inputValue();
  await page.getByLabel('Hạn nộp hồ sơ').fill(open);
  await page.getByRole('button', { name: 'Tạo đợt bình chọn' }).click();
  await expect(page.getByRole('alert')).toContainText('Hạn nộp hồ sơ phải sau Bắt đầu nhận hồ sơ');
  await expect(page.getByLabel('Tên đợt bình chọn')).toHaveValue('Bình chọn sản phẩm CNNT tiêu biểu tỉnh Đồng Nai năm 2026');
  const close = open.replace(/^(\d{4})/, (y) => String(Number(y) + 1));
  await page.getByLabel('Hạn nộp hồ sơ').fill(close);
  await page.getByLabel('Kết thúc chấm điểm').fill(close.replace(/^(\d{4})/, (y) => String(Number(y) + 1)));
  await page.getByRole('button', { name: 'Tạo đợt bình chọn' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bình chọn sản phẩm CNNT tiêu biểu tỉnh Đồng Nai năm 2026');
  await expect(page.locator('.round-meta')).toContainText('Bản nháp');
  const roundUrl = page.url();

  // Sub-criteria for group 2 (processed food), criterion 1 (40 points).
  await tab(page, 'Tiêu chí chấm điểm').click();
  const food = page.getByRole('region', { name: /Nhóm 2\./ });
  await food.getByRole('link', { name: 'Sửa tiêu chí thành phần' }).first().click();
  const row = (n: number) => page.getByRole('group', { name: `Tiêu chí thành phần ${n}` });
  await row(1).getByLabel('Tên tiếng Việt').fill('Nhu cầu thị trường trong nước và xuất khẩu');
  await row(1).getByLabel('Điểm tối đa').fill('20');
  await row(2).getByLabel('Tên tiếng Việt').fill('Khả năng sản xuất hàng loạt');
  await row(2).getByLabel('Điểm tối đa').fill('15');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByRole('alert')).toContainText('là 35, phải bằng đúng 40');
  await row(3).getByLabel('Tên tiếng Việt').fill('Sử dụng nguyên liệu địa phương');
  await row(3).getByLabel('Điểm tối đa').fill('5');
  await row(3).getByLabel('Hướng dẫn chấm').fill('Tỷ lệ nguyên liệu trong tỉnh trên 50%: 5 điểm.');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Đã lưu tiêu chí thành phần.')).toBeVisible();
  await tab(page, 'Tiêu chí chấm điểm').click();
  await expect(food).toContainText('Sử dụng nguyên liệu địa phương');

  // Opening needs a secretary: the page says so before anyone tries.
  await page.goto(roundUrl);
  await expect(page.getByText('Cần phân công ít nhất một cán bộ tổ giúp việc')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Chuyển sang: Đang nhận hồ sơ' })).toBeDisabled();

  // The people.
  await tab(page, 'Thành viên').click();
  await assign(page, 'thuky@sct.dongnai.gov.vn', 'secretary');
  await assign(page, 'gk1@sct.dongnai.gov.vn', 'juror', async (p) => {
    await p.getByLabel('1. Sản phẩm thủ công mỹ nghệ').check();
    await p.getByLabel('2. Sản phẩm chế biến nông, lâm, thủy sản và thực phẩm').check();
  });
  await assign(page, 'gk2@sct.dongnai.gov.vn', 'juror', async (p) => {
    await p.getByLabel('3. Thiết bị, máy móc, dụng cụ và phụ tùng cơ khí').check();
    await p.getByLabel('4. Các sản phẩm khác').check();
  });
  await assign(page, 'hd1@dongnai.gov.vn', 'council_member', async (p) => {
    await p.getByLabel('Là Chủ tịch Hội đồng').check();
  });
  await assign(page, 'hd2@dongnai.gov.vn', 'council_member');
  await assign(page, 'hd3@dongnai.gov.vn', 'council_member');
  await expect(page.getByRole('heading', { name: 'Tổ giúp việc (1)' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Ban Giám khảo (2)' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Hội đồng bình chọn (3)' })).toBeVisible();
  await expect(page.locator('.member', { hasText: 'Nguyễn Chủ Tịch' })).toContainText('Chủ tịch');

  // Open for entries.
  await tab(page, 'Tổng quan').click();
  await page.getByRole('button', { name: 'Chuyển sang: Đang nhận hồ sơ' }).click();
  await expect(page.getByText('Đã chuyển trạng thái đợt bình chọn.')).toBeVisible();
  await expect(page.locator('.round-meta')).toContainText('Đang nhận hồ sơ');

  // The public sees it, with its calendar in Vietnam time.
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page).toHaveURL(base + '/');
  const card = page.locator('.round-list li', { hasText: 'Đồng Nai năm 2026' });
  await expect(card).toContainText('Đang nhận hồ sơ');
  await expect(card).toContainText('Hạn nộp hồ sơ');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('.round-list li', { hasText: 'Đồng Nai năm 2026' })).toContainText('Open for entries');

  // The audit log has every step.
  // (checked through the administrator's page in the server tests)
});
