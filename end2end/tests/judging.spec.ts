// The jury's work in the browser: a secretary screens three entries
// (accept, return, reject); a juror on a phone declares a conflict on one
// entry and scores another with a decimal comma; the secretary reopens the
// sheet and the juror finds it open again with the points kept.

import { test, expect, hydrated, call } from './fixtures';
import { roundInScreening } from './world';

test('a secretary screens three entries: accepts one, returns one, finds one not eligible', async ({ page, app, browser }) => {
  const round = await roundInScreening(page, browser, app, [
    ['Hộ Gốm Tân Vạn', 'Bình gốm men rạn', '1'],
    ['Cơ sở Mây Tre Tân Uyên', 'Giỏ mây đan', '1'],
    ['Cơ sở Tượng Đá Bửu Long', 'Tượng đá nghệ thuật', '1'],
  ]);
  const secretary = await round.secretary.newPage();
  await secretary.goto(`${app.baseURL}/rounds/${round.id}`);
  await secretary.getByRole('link', { name: 'Sơ tuyển' }).click();
  await expect(secretary.getByRole('heading', { name: 'Chờ sơ tuyển (3)' })).toBeVisible();

  await secretary.getByRole('link', { name: 'Bình gốm men rạn' }).click();
  await secretary.getByRole('button', { name: 'Hồ sơ hợp lệ, cấp mã số' }).click();
  await expect(secretary.getByText('Đã chấp nhận hồ sơ và cấp mã số bình chọn.')).toBeVisible();
  await expect(secretary.locator('.round-meta')).toContainText('Mã số: 1-001');

  await secretary.goto(`${app.baseURL}/rounds/${round.id}/screening`);
  await secretary.getByRole('link', { name: 'Giỏ mây đan' }).click();
  await secretary.getByLabel('Nội dung cần bổ sung, sửa chữa').fill('Đề nghị bổ sung ảnh mặt đáy và bản sao giấy chứng nhận đăng ký còn hiệu lực.');
  await secretary.getByRole('button', { name: 'Gửi yêu cầu và trả hồ sơ' }).click();
  await expect(secretary.getByText('Đã trả hồ sơ để cơ sở bổ sung, sửa chữa.')).toBeVisible();

  await secretary.goto(`${app.baseURL}/rounds/${round.id}/screening`);
  await secretary.getByRole('link', { name: 'Tượng đá nghệ thuật' }).click();
  await secretary.getByLabel('Lý do không đủ điều kiện').fill('Sản phẩm độc bản, không sản xuất được hàng loạt.');
  await secretary.getByRole('button', { name: 'Hồ sơ không đủ điều kiện' }).click();
  await expect(secretary.getByText('Đã ghi nhận hồ sơ không đủ điều kiện.')).toBeVisible();

  await secretary.goto(`${app.baseURL}/rounds/${round.id}/screening`);
  await expect(secretary.getByRole('heading', { name: 'Hợp lệ (1)' })).toBeVisible();
  await expect(secretary.getByRole('heading', { name: 'Đang chờ cơ sở bổ sung (1)' })).toBeVisible();
  await expect(secretary.getByRole('heading', { name: 'Không đủ điều kiện (1)' })).toBeVisible();

  // Each business sees its outcome.
  const stone = await round.entries[2].owner.newPage();
  await stone.goto(`${app.baseURL}/entries/${round.entries[2].id}`);
  await expect(stone.getByText('Sản phẩm độc bản, không sản xuất được hàng loạt.')).toBeVisible();
  const pottery = await round.entries[0].owner.newPage();
  await pottery.goto(`${app.baseURL}/entries`);
  await expect(pottery.getByText('Hợp lệ', { exact: true })).toBeVisible();
});

test('a juror declares a conflict, scores on a phone with a decimal comma, and the secretary reopens the sheet', async ({ page, app, browser }) => {
  const round = await roundInScreening(page, browser, app, [
    ['Hộ Gốm Tân Vạn', 'Bình gốm men rạn', '1'],
    ['Cơ sở Bánh Pía Tân Huê Viên', 'Bánh pía sầu riêng', '2'],
  ]);
  for (const entry of round.entries) await call(round.secretary.request, app, 'accept_entry', { entry: entry.id });
  await call(round.secretary.request, app, 'move_round', { round: round.id, to: 'judging', reason: '' });

  const juror = await round.juror.newPage();
  await juror.goto(`${app.baseURL}/`);
  await juror.getByRole('link', { name: 'Chấm điểm' }).click();
  await expect(juror.getByText('Chưa khai báo')).toHaveCount(2);

  // A tie to the first business: it leaves the list, its dossier unseen.
  await juror.getByRole('link', { name: 'Khai báo: 1-001' }).click();
  await expect(juror.getByRole('heading', { name: 'Khai báo xung đột lợi ích' })).toBeVisible();
  await expect(juror.getByText('Mô tả đầy đủ theo mẫu 02.')).toHaveCount(0);
  await juror.getByLabel('Là người thân của chủ cơ sở hoặc người đại diện').check();
  await juror.getByLabel('Ghi chú về quan hệ').fill('Chủ cơ sở là cậu ruột của tôi.');
  await juror.getByRole('button', { name: 'Gửi khai báo' }).click();
  await expect(juror).toHaveURL(/\/judging/);
  await expect(juror.getByText('hồ sơ đó không còn trong danh sách chấm')).toBeVisible();
  await expect(juror.getByRole('heading', { name: 'Hồ sơ không chấm do xung đột lợi ích' })).toBeVisible();

  // No tie to the second: the dossier and the sheet open.
  await juror.getByRole('link', { name: 'Khai báo: 2-001' }).click();
  await juror.getByRole('button', { name: 'Gửi khai báo' }).click();
  await expect(juror.getByText('Mô tả đầy đủ theo mẫu 02.').first()).toBeAttached();
  await hydrated(juror);
  const market = juror.getByLabel(/Đáp ứng thị trường và khả năng phát triển sản xuất/);
  await market.fill('32,5');
  await juror.getByLabel(/Kinh tế – kỹ thuật – xã hội và môi trường/).fill('30');
  await juror.getByLabel(/Tính văn hóa, tính thẩm mỹ/).fill('7,55');
  await expect(juror.getByText('điểm phải là bội số của 0,5')).toBeVisible();
  await juror.getByLabel(/Tính văn hóa, tính thẩm mỹ/).fill('7,5');
  await expect(juror.getByText('điểm phải là bội số của 0,5')).toHaveCount(0);
  await expect(juror.getByText('Tổng điểm: 70/100')).toBeVisible();
  await expect(juror.getByText('Còn 1 mục chưa chấm.')).toBeVisible();
  await expect(juror.getByText('Đã lưu.', { exact: true }).first()).toBeVisible({ timeout: 15_000 });
  await juror.getByLabel(/Một số tiêu chí khác/).fill('8');
  await juror.getByLabel('Nhận xét').fill('Sản phẩm đặc trưng, bao bì cần cải tiến.');
  await expect(juror.getByText('Tổng điểm: 78/100')).toBeVisible();
  await juror.getByRole('button', { name: 'Nộp phiếu' }).click();
  await expect(juror.getByText(/Đã nộp lúc/)).toBeVisible();
  await expect(juror.locator('.sheet-table tfoot')).toContainText('78');
  await expect(juror.getByRole('button', { name: 'Nộp phiếu' })).toHaveCount(0);
  const overflow = await juror.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  // The secretary reopens it, with a reason.
  const secretary = await round.secretary.newPage();
  await secretary.goto(`${app.baseURL}/rounds/${round.id}/jury`);
  await expect(secretary.getByText('1/1 phiếu chấm đã nộp')).toBeVisible();
  await secretary.locator('.board-entry', { hasText: '2-001' }).getByRole('link', { name: 'Mở phiếu chấm của Lê Giám Khảo' }).click();
  await secretary.getByLabel('Lý do mở lại phiếu').fill('Giám khảo đề nghị xem lại điểm tiêu chí 4.');
  await secretary.getByRole('button', { name: 'Mở lại phiếu' }).click();
  await expect(secretary.getByText('Đã mở lại phiếu; giám khảo có thể sửa và nộp lại.')).toBeVisible();

  await juror.reload();
  await hydrated(juror);
  await expect(juror.getByLabel(/Đáp ứng thị trường/)).toHaveValue('32,5');
  await expect(juror.getByRole('button', { name: 'Nộp phiếu' })).toBeVisible();
});
