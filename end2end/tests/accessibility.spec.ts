// Every page checked by axe-core against WCAG 2.1 A and AA (contrast,
// labels, landmarks, names), at phone width and on a desktop.

import AxeBuilder from '@axe-core/playwright';
import { test, expect, setUpAdministrator, call } from './fixtures';
import { roundInScreening, scoreSheet } from './world';

const publicPages = ['/', '/sign-in', '/sign-up', '/forgot-password', '/verify', '/verify?number=1%2F2026', '/catalogue', '/catalogue?q=nuoc+mam', '/statistics', '/no-such-page'];
const adminPages = ['/account', '/account/password', '/admin/accounts', '/admin/audit', '/admin/outbox', '/admin/geography', '/rounds', '/rounds/new'];

async function audit(page: import('@playwright/test').Page, url: string) {
  await page.goto(url);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, url).toEqual([]);
}

for (const width of [360, 1280]) {
  test(`pages meet WCAG 2.1 AA at ${width} px`, async ({ page, app, database }) => {
    // Each audits a few dozen pages with axe: more than a journey's minute.
    test.slow();
    test.skip(database === 'postgres', 'the markup does not depend on the database');
    await page.setViewportSize({ width, height: 900 });
    for (const path of publicPages) await audit(page, app.baseURL + path);
    await setUpAdministrator(page, app);
    await page.goto(app.baseURL + '/admin/accounts');
    await page.getByLabel('Địa chỉ e-mail').fill('giamkhao@example.vn');
    await page.getByRole('button', { name: 'Gửi lời mời' }).click();
    await expect(page.getByText('Đã tạo lời mời.')).toBeVisible();
    for (const path of adminPages) await audit(page, app.baseURL + path);
    // A round's pages.
    await page.goto(app.baseURL + '/admin/geography');
    await page.locator('#territory-name_vi').fill('Đồng Nai');
    await page.locator('#territory-level').selectOption({ label: 'Cấp tỉnh' });
    await page.getByRole('button', { name: 'Thêm địa bàn' }).click();
    await page.goto(app.baseURL + '/rounds/new');
    await page.getByLabel('Tên đợt bình chọn').fill('Đồng Nai 2026');
    await page.getByLabel('Địa bàn', { exact: true }).selectOption({ label: 'Đồng Nai' });
    await page.getByRole('button', { name: 'Tạo đợt bình chọn' }).click();
    await expect(page.locator('.round-meta')).toContainText('Bản nháp');
    const round = page.url();
    for (const path of ['', '/settings', '/criteria', '/people']) await audit(page, round + path);
    await page.goto(round + '/criteria');
    await page.getByRole('link', { name: 'Sửa tiêu chí thành phần' }).first().click();
    await audit(page, page.url());
    await page.getByRole('button', { name: 'English' }).click();
    await audit(page, app.baseURL + '/admin/accounts');
    await audit(page, round);
  });
}

for (const width of [360, 1280]) {
  test(`the jury's pages meet WCAG 2.1 AA at ${width} px`, async ({ page, app, browser, database }) => {
    // Each audits a few dozen pages with axe: more than a journey's minute.
    test.slow();
    test.skip(database === 'postgres', 'the markup does not depend on the database');
    const round = await roundInScreening(page, browser, app, [
      ['Hộ Gốm Tân Vạn', 'Bình gốm men rạn', '1'],
      ['Cơ sở Bánh Pía', 'Bánh pía sầu riêng', '2'],
    ]);
    const secretary = await round.secretary.newPage();
    await secretary.setViewportSize({ width, height: 900 });
    await audit(secretary, `${app.baseURL}/rounds/${round.id}/screening`);
    await audit(secretary, `${app.baseURL}/entries/${round.entries[0].id}`);
    for (const entry of round.entries) await call(round.secretary.request, app, 'accept_entry', { entry: entry.id });
    await call(round.secretary.request, app, 'move_round', { round: round.id, to: 'judging', reason: '' });
    const juror = await round.juror.newPage();
    await juror.setViewportSize({ width, height: 900 });
    await audit(juror, `${app.baseURL}/judging`);
    const sheet = `${app.baseURL}/entries/${round.entries[0].id}/sheet`;
    await audit(juror, sheet);
    await call(round.juror.request, app, 'declare', { entry: round.entries[0].id, juror: '', tie: 'none', note: '' });
    await audit(juror, sheet);
    await audit(juror, sheet + '/print');
    await audit(secretary, `${app.baseURL}/rounds/${round.id}/jury`);
    // One sheet submitted, so the council's page has an entry to vote on.
    await scoreSheet(round, app, round.entries[0].id, ['36', '34', '9', '9'], 'Đẹp.');
    await call(round.secretary.request, app, 'move_round', { round: round.id, to: 'deliberation', reason: 'Giám khảo vắng mặt' });
    const council = await round.council.newPage();
    await council.setViewportSize({ width, height: 900 });
    await audit(council, `${app.baseURL}/rounds/${round.id}/report`);
    await audit(council, `${app.baseURL}/rounds/${round.id}/council`);
    await audit(secretary, `${app.baseURL}/rounds/${round.id}/council`);
    // Decided with one nomination: the nomination page.
    await call(round.council.request, app, 'cast_council_vote', { entry: round.entries[0].id, recognise: 'for', nominate: 'for' });
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    await call(round.secretary.request, app, 'record_decision', {
      round: round.id, decision_number: '1/QĐ-UBND', decided_on: today, signer: 'Nguyễn Văn A', issuer: 'UBND tỉnh Đồng Nai',
    });
    await audit(secretary, `${app.baseURL}/rounds/${round.id}/nominations`);
  });
}
