// Nomination upward in the browser: a decided provincial round sends the
// two entries its council nominated to the national round; the national
// secretariat finds them on its screening list, each with the provincial
// certificate it carries; the provincial secretary also downloads the
// nomination package for a round run elsewhere.

import { readFile } from 'node:fs/promises';
import { test, expect, call } from './fixtures';
import { roundInScreening, scoreSheet, person } from './world';

test('a provincial secretary nominates two entries to a national round and they arrive there', async ({ page, app, browser }) => {
  const round = await roundInScreening(page, browser, app, [
    ['Hộ Gốm Tân Vạn', 'Bình gốm men rạn', '1'],
    ['Cơ sở Nước Mắm Phước Hải', 'Nước mắm cá cơm', '2'],
  ]);
  for (const entry of round.entries) await call(round.secretary.request, app, 'accept_entry', { entry: entry.id });
  await call(round.secretary.request, app, 'move_round', { round: round.id, to: 'judging', reason: '' });
  await scoreSheet(round, app, round.entries[0].id, ['36', '34', '9', '9']);
  await scoreSheet(round, app, round.entries[1].id, ['32', '32', '8', '8']);
  await call(round.secretary.request, app, 'move_round', { round: round.id, to: 'deliberation', reason: '' });
  for (const entry of round.entries) {
    await call(round.council.request, app, 'cast_council_vote', { entry: entry.id, recognise: 'for', nominate: 'for' });
  }
  const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  await call(round.secretary.request, app, 'record_decision', {
    round: round.id, decision_number: '1234/QĐ-UBND', decided_on: today,
    signer: 'Nguyễn Văn A', issuer: 'Ủy ban nhân dân tỉnh Đồng Nai',
  });

  // The national round, open, with its own secretary.
  const admin = page.request;
  const geography = await (await admin.post(`${app.baseURL}/api/list_geography`, { headers: { Accept: 'application/json' } })).json();
  const national = geography.levels.find((l: any) => l.rank === 4).id;
  const vietNam = geography.territories.find((t: any) => t.name_vi === 'Việt Nam').id;
  const created = await call(admin, app, 'create_round', {
    level: national, territory: vietNam, parent_round: '', copy_from: '', title: 'Bình chọn sản phẩm CNNT tiêu biểu cấp quốc gia 2026',
    year: '2026', entries_open: '2020-01-01T08:00', entries_close: '2099-06-30T17:00', judging_close: '2099-08-31T17:00',
    threshold: '70', quorum_percent: '50', majority_percent: '50', certificate_pattern: '{seq}/{year}/QG',
    score_step: '0,5', spread_flag: '20',
  });
  const nationalId = (created.headers()['location'] ?? '').replace('/rounds/', '');
  const nationalSecretary = await person(browser, app, 'Đỗ Thư Ký', 'thuky@bct.gov.vn');
  await call(admin, app, 'add_round_member', { round: nationalId, identifier: 'thuky@bct.gov.vn', role: 'secretary' });
  await call(admin, app, 'move_round', { round: nationalId, to: 'open', reason: '' });

  // The provincial secretary sends both nominated entries.
  const secretary = await round.secretary.newPage();
  await secretary.goto(`${app.baseURL}/rounds/${round.id}/nominations`);
  await expect(secretary.getByRole('heading', { name: 'Đề cử lên cấp trên', level: 1 })).toBeVisible();
  await expect(secretary.getByText('Quyết định đã đề cử 2 sản phẩm lên cấp trên.', { exact: false })).toBeVisible();
  await expect(secretary.getByRole('checkbox', { name: 'Gửi 1-001 Bình gốm men rạn' })).toBeChecked();
  await expect(secretary.getByRole('checkbox', { name: 'Gửi 2-001 Nước mắm cá cơm' })).toBeChecked();
  await expect(secretary.getByLabel('Đợt bình chọn cấp trên')).toHaveValue(nationalId);
  await secretary.getByRole('button', { name: 'Gửi các hồ sơ đã chọn' }).click();
  await expect(secretary.getByText('Đã gửi các hồ sơ đã chọn lên đợt bình chọn cấp trên.')).toBeVisible();
  await expect(secretary.getByText(/^Đã gửi tới Bình chọn sản phẩm CNNT tiêu biểu cấp quốc gia 2026/)).toHaveCount(2);
  await expect(secretary.getByRole('button', { name: 'Gửi các hồ sơ đã chọn' })).toHaveCount(0);

  // The package for a round run elsewhere: a ZIP.
  const [download] = await Promise.all([
    secretary.waitForEvent('download'),
    secretary.getByRole('link', { name: 'Tải gói hồ sơ đề cử (ZIP)' }).click(),
  ]);
  const zip = await readFile((await download.path())!);
  expect(zip.subarray(0, 2).toString()).toBe('PK');
  expect(zip.toString('utf8')).toContain('danh-sach-trich-ngang.xlsx');

  // They arrive in the national round, submitted, with their certificates.
  const there = await nationalSecretary.newPage();
  await there.goto(`${app.baseURL}/rounds/${nationalId}/screening`);
  const arrived = there.locator('tr', { hasText: 'Bình gốm men rạn' });
  await expect(arrived).toContainText('Hộ Gốm Tân Vạn');
  await expect(arrived).toContainText('Được đề cử từ Bình chọn sản phẩm CNNT tiêu biểu tỉnh Đồng Nai 2026: giấy chứng nhận số 001/');
  await expect(there.locator('tr', { hasText: 'Nước mắm cá cơm' })).toContainText('giấy chứng nhận số 002/');
  await arrived.getByRole('link', { name: 'Bình gốm men rạn' }).click();
  await expect(there.getByText(/Được đề cử từ .*giấy chứng nhận số 001\//)).toBeVisible();
  await expect(there.getByText(/Giấy chứng nhận 001\/.*\.pdf/)).toBeVisible();
});
