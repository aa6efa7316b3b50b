// From deliberation to a certificate in the browser: the council member
// votes on the entry that reaches the threshold, the secretary records the
// decision, the entrant downloads the certificate (a PDF holding its
// number) and, once the results are published, reads the jury's feedback;
// anyone finds the product in the public results and checks the certificate.

import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, call } from './fixtures';
import { roundInScreening, scoreSheet } from './world';

test('a round in deliberation ends in a downloaded certificate, the entrant reads the feedback and the public finds and checks it', async ({ page, app, browser }) => {
  const round = await roundInScreening(page, browser, app, [
    ['Hộ Gốm Tân Vạn', 'Bình gốm men rạn', '1'],
    ['Cơ sở Mây Tre Lá', 'Giỏ mây đan', '1'],
  ]);
  for (const entry of round.entries) await call(round.secretary.request, app, 'accept_entry', { entry: entry.id });
  await call(round.secretary.request, app, 'move_round', { round: round.id, to: 'judging', reason: '' });
  await scoreSheet(round, app, round.entries[0].id, ['36', '34', '9', '9'], 'Men rạn đặc trưng Biên Hòa, bao bì cần cải tiến.');
  await scoreSheet(round, app, round.entries[1].id, ['20', '20', '5', '5']);
  await call(round.secretary.request, app, 'move_round', { round: round.id, to: 'deliberation', reason: '' });

  // The council member votes: recognise and nominate.
  const member = await round.council.newPage();
  await member.goto(`${app.baseURL}/rounds/${round.id}/council`);
  await expect(member.getByRole('heading', { name: 'Hội đồng bình chọn', level: 1 })).toBeVisible();
  const card = member.locator('.board-entry', { hasText: '1-001 · Bình gốm men rạn' });
  await expect(card.getByText('Điểm chính thức: 88')).toBeVisible();
  await expect(member.getByRole('heading', { name: 'Hồ sơ dưới ngưỡng' })).toBeVisible();
  await card.getByRole('group', { name: 'Công nhận sản phẩm tiêu biểu' }).getByLabel('Tán thành', { exact: true }).check();
  await card.getByRole('group', { name: 'Đề cử lên cấp trên' }).getByLabel('Tán thành', { exact: true }).check();
  await card.getByRole('button', { name: 'Bỏ phiếu' }).click();
  await expect(member.getByText('Đã ghi nhận phiếu bầu của ông/bà.')).toBeVisible();
  const voted = member.locator('.board-entry', { hasText: '1-001 · Bình gốm men rạn' });
  await expect(voted.getByText('Thông qua', { exact: true })).toHaveCount(2);
  await expect(voted.getByRole('button', { name: 'Sửa phiếu' })).toBeVisible();

  // The secretary records the decision, with a mistake first.
  const secretary = await round.secretary.newPage();
  await secretary.goto(`${app.baseURL}/rounds/${round.id}/council`);
  await expect(secretary.getByText('1 sản phẩm được công nhận, trong đó 1 sản phẩm được đề cử')).toBeVisible();
  const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  await secretary.getByLabel('Số quyết định').fill('1234/QĐ-UBND');
  await secretary.getByLabel('Ngày ký quyết định').fill('2099-12-31');
  await secretary.getByLabel('Người ký').fill('Nguyễn Văn A, Phó Chủ tịch UBND tỉnh');
  await secretary.getByRole('button', { name: 'Ghi quyết định và cấp giấy chứng nhận' }).click();
  await expect(secretary.getByText('Ngày ký quyết định không được là ngày trong tương lai.').first()).toBeVisible();
  await expect(secretary.getByLabel('Số quyết định')).toHaveValue('1234/QĐ-UBND');
  await expect(secretary.getByLabel('Người ký')).toHaveValue('Nguyễn Văn A, Phó Chủ tịch UBND tỉnh');
  await expect(secretary.getByLabel('Cơ quan ban hành quyết định')).toHaveValue('Ủy ban nhân dân tỉnh Đồng Nai');
  await secretary.getByLabel('Ngày ký quyết định').fill(today);
  await secretary.getByRole('button', { name: 'Ghi quyết định và cấp giấy chứng nhận' }).click();
  await expect(secretary.getByText('Đã ghi quyết định; giấy chứng nhận đã được cấp số.')).toBeVisible();
  const number = `001/${today.slice(0, 4)}/GCN-CNNT`;
  await expect(secretary.getByText(`Giấy chứng nhận số ${number}`)).toBeVisible();
  await expect(secretary.getByText(/Quyết định số 1234\/QĐ-UBND ngày/)).toBeVisible();

  // The entrant downloads the certificate from the dashboard.
  const owner = await round.entries[0].owner.newPage();
  await owner.goto(`${app.baseURL}/entries`);
  await expect(owner.getByText('Được công nhận và đề cử lên cấp trên')).toBeVisible();
  const [download] = await Promise.all([
    owner.waitForEvent('download'),
    owner.getByRole('link', { name: 'Tải giấy chứng nhận (PDF)' }).click(),
  ]);
  const pdf = await readFile((await download.path())!);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(pdf.toString('latin1')).toContain('%%EOF');
  expect(pdf.toString('utf8')).toContain(number);
  await expect(owner.getByRole('link', { name: 'Xem điểm và nhận xét của Ban Giám khảo' })).toHaveCount(0);

  // After publication, the feedback: the score and the comment, no names.
  await call(round.secretary.request, app, 'move_round', { round: round.id, to: 'published', reason: '' });
  await owner.reload();
  await owner.getByRole('link', { name: 'Xem điểm và nhận xét của Ban Giám khảo' }).click();
  await expect(owner.getByRole('heading', { name: 'Kết quả chấm điểm của hồ sơ' })).toBeVisible();
  await expect(owner.getByText(/Điểm chính thức: 88/)).toBeVisible();
  await expect(owner.getByText('Men rạn đặc trưng Biên Hòa, bao bì cần cải tiến.')).toBeVisible();
  await expect(owner.getByText('Lê Giám Khảo')).toHaveCount(0);

  // Anyone finds it in the round's results, from the home page, and
  // follows the certificate to its check (the QR code's address).
  const buyerContext = await browser.newContext();
  const buyer = await buyerContext.newPage();
  await buyer.goto(`${app.baseURL}/`);
  await buyer.getByRole('link', { name: 'Bình chọn sản phẩm CNNT tiêu biểu tỉnh Đồng Nai 2026' }).click();
  await expect(buyer.getByRole('heading', { name: 'Bình chọn sản phẩm CNNT tiêu biểu tỉnh Đồng Nai 2026', level: 1 })).toBeVisible();
  await expect(buyer.getByRole('heading', { name: 'Bình gốm men rạn' })).toBeVisible();
  await expect(buyer.getByRole('img', { name: 'Ảnh sản phẩm Bình gốm men rạn' })).toBeVisible();
  // The photo loads (lazily: wait for it), served to an anonymous visitor.
  const photo = buyer.getByRole('img', { name: 'Ảnh sản phẩm Bình gốm men rạn' });
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0)), { timeout: 10_000 }).toBeGreaterThan(0);
  await expect(buyer.getByText('Giỏ mây đan')).toHaveCount(0);
  const axe = await new AxeBuilder({ page: buyer }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  await buyer.getByRole('link', { name: `Giấy chứng nhận số ${number}` }).click();
  await expect(buyer).toHaveURL(new RegExp(`/verify/${number}$`));
  await expect(buyer.getByRole('heading', { name: `Giấy chứng nhận số ${number}` })).toBeVisible();
  await expect(buyer.getByText('Còn hiệu lực', { exact: true })).toBeVisible();
  await expect(buyer.getByText('Hộ Gốm Tân Vạn')).toBeVisible();
  await buyer.getByLabel('Số giấy chứng nhận').fill('999/2026/GCN-CNNT');
  await buyer.getByRole('button', { name: 'Kiểm tra' }).click();
  await expect(buyer.getByText('Không tìm thấy giấy chứng nhận số “999/2026/GCN-CNNT”')).toBeVisible();

  // The programme's figures count the round, as charts with their tables.
  await buyer.goto(`${app.baseURL}/statistics`);
  await expect(buyer.getByText('2 hồ sơ hợp lệ, 1 sản phẩm được công nhận (tỷ lệ 50,0 %)', { exact: false })).toBeVisible();
  await expect(buyer.getByRole('img', { name: 'Hồ sơ và sản phẩm được công nhận theo nhóm sản phẩm' })).toBeVisible();
  const statsAxe = await new AxeBuilder({ page: buyer }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(statsAxe.violations.map((v) => v.id)).toEqual([]);
  await buyer.setViewportSize({ width: 360, height: 740 });
  expect(await buyer.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await buyer.setViewportSize({ width: 1280, height: 800 });

  // The catalogue finds it typed without diacritics; its page leads to
  // the certificate's check.
  await buyer.goto(`${app.baseURL}/catalogue`);
  await buyer.getByLabel('Tìm sản phẩm, cơ sở').fill('binh gom men ran');
  await buyer.getByRole('button', { name: 'Tìm', exact: true }).click();
  await expect(buyer.getByText('Tìm thấy 1 sản phẩm.')).toBeVisible();
  await buyer.getByRole('link', { name: 'Bình gốm men rạn' }).click();
  await expect(buyer.getByRole('heading', { name: 'Bình gốm men rạn', level: 1 })).toBeVisible();
  await expect(buyer.getByText('0912345678')).toBeVisible();
  await buyer.getByRole('link', { name: `Giấy chứng nhận số ${number}` }).click();
  await expect(buyer.getByText('Còn hiệu lực', { exact: true })).toBeVisible();
  await buyerContext.close();
});
