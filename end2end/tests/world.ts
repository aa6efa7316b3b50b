// Set-up shared by the jury's journeys and the accessibility checks: a
// provincial round in screening with its people and submitted entries,
// made through the same server functions the pages call.

import { APIRequestContext, Browser, BrowserContext, Page } from '@playwright/test';
import { expect, setUpAdministrator, RunningApp, PDF, photos, call } from './fixtures';

export const PHONE = { viewport: { width: 360, height: 760 }, isMobile: true, hasTouch: true };

export interface Round {
  id: string;
  secretary: BrowserContext;
  juror: BrowserContext;
  council: BrowserContext;
  entries: { id: string; product: string; owner: BrowserContext }[];
}

/** An account signed up through the API, in a context of its own. */
export async function person(browser: Browser, app: RunningApp, name: string, email: string, options = {}) {
  const context = await browser.newContext(options);
  const password = 'mật khẩu đủ dài';
  await call(context.request, app, 'sign_up', { name, email, phone: '', password, password_confirm: password });
  return context;
}

/** A business enters a complete dossier and submits it. */
async function enter(request: APIRequestContext, app: RunningApp, round: string, business: string, product: string, group: string, images: { name: string; mimeType: string; buffer: Buffer }[]) {
  await call(request, app, 'save_business', {
    business_name: business, legal_form: 'household', registration_number: '47A8001234', tax_code: '',
    province: 'Đồng Nai', commune: 'Xã Long Thọ', street: 'Ấp 3', representative: 'Người Đại Diện',
    position: 'Chủ hộ', business_phone: '0912345678', business_email: '',
  });
  const started = await call(request, app, 'start_entry', { round });
  const entry = (started.headers()['location'] ?? '').replace('/entries/', '');
  const text = 'Mô tả đầy đủ theo mẫu 02.';
  await call(request, app, 'save_entry', {
    entry, version: '1', product_name: product, set_items: '', group, description: text, materials: text,
    process: text, capacity: text, markets: text, workers: text, environment: text, culture: text, standards: '', awards: '',
  });
  const upload = async (kind: string, file: { name: string; mimeType: string; buffer: Buffer }) => {
    const response = await request.post(`${app.baseURL}/entries/${entry}/files`, {
      multipart: { kind, file },
      headers: { Accept: 'application/json' },
    });
    expect(response.status(), await response.text()).toBe(200);
  };
  for (const image of images) await upload('photo', image);
  await upload('registration', { name: 'đăng ký.pdf', mimeType: 'application/pdf', buffer: PDF });
  await call(request, app, 'submit_entry', { entry });
  return entry;
}

/** A provincial round in screening with a secretary, a juror of both
 * product groups, a council member and `products` submitted entries. */
export async function roundInScreening(page: Page, browser: Browser, app: RunningApp, products: [string, string, string][]): Promise<Round> {
  await setUpAdministrator(page, app);
  const admin = page.request;
  const geography = await (await admin.post(`${app.baseURL}/api/list_geography`, { headers: { Accept: 'application/json' } })).json();
  const province = geography.levels.find((l: any) => l.rank === 2).id;
  await call(admin, app, 'save_territory', { level: province, name_vi: 'Đồng Nai', name_en: '' });
  const again = await (await admin.post(`${app.baseURL}/api/list_geography`, { headers: { Accept: 'application/json' } })).json();
  const territory = again.territories.find((t: any) => t.name_vi === 'Đồng Nai').id;
  const created = await call(admin, app, 'create_round', {
    level: province, territory, parent_round: '', copy_from: '', title: 'Bình chọn sản phẩm CNNT tiêu biểu tỉnh Đồng Nai 2026',
    year: '2026', entries_open: '2020-01-01T08:00', entries_close: '2099-06-30T17:00', judging_close: '2099-08-31T17:00',
    threshold: '70', quorum_percent: '50', majority_percent: '50', certificate_pattern: '{seq}/{year}/GCN-CNNT',
    score_step: '0,5', spread_flag: '20',
  });
  const id = (created.headers()['location'] ?? '').replace('/rounds/', '');
  const secretary = await person(browser, app, 'Trần Thư Ký', 'thuky@sct.dongnai.gov.vn');
  const juror = await person(browser, app, 'Lê Giám Khảo', 'giamkhao@sct.dongnai.gov.vn', PHONE);
  const detail = await (await call(admin, app, 'round_detail', { round: id })).json();
  await call(admin, app, 'add_round_member', { round: id, identifier: 'thuky@sct.dongnai.gov.vn', role: 'secretary' });
  const groups = detail.groups.map((g: any) => g.id);
  const form = new URLSearchParams({ round: id, identifier: 'giamkhao@sct.dongnai.gov.vn', role: 'juror' });
  for (const g of groups) form.append('groups[]', g);
  const added = await admin.post(`${app.baseURL}/api/add_round_member`, {
    data: form.toString(),
    headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
  });
  expect(added.status(), await added.text()).toBe(200);
  const council = await person(browser, app, 'Phạm Uỷ Viên', 'uyvien@sct.dongnai.gov.vn');
  await call(admin, app, 'add_round_member', { round: id, identifier: 'uyvien@sct.dongnai.gov.vn', role: 'council_member' });
  await call(admin, app, 'move_round', { round: id, to: 'open', reason: '' });
  const images = await photos(page);
  const entries = [];
  for (const [business, product, group] of products) {
    const owner = await person(browser, app, `Chủ ${business}`, `${business.length}${entries.length}@coso.vn`);
    entries.push({ id: await enter(owner.request, app, id, business, product, group, images), product, owner });
  }
  // Time passes the entries deadline.
  await app.sql(`UPDATE rounds SET entries_close_at = ${Date.now() - 60_000} WHERE id = '${id}'`);
  await call(admin, app, 'move_round', { round: id, to: 'screening', reason: '' });
  return { id, secretary, juror, council, entries };
}


/** The juror declares no tie and submits a sheet with `points` on its
 * lines, in order, and `comment`. */
export async function scoreSheet(round: Round, app: RunningApp, entry: string, points: string[], comment = '') {
  const request = round.juror.request;
  await call(request, app, 'declare', { entry, juror: '', tie: 'none', note: '' });
  const page = await (await call(request, app, 'sheet_page', { entry, juror: '' })).json();
  const form: Record<string, string> = { entry, juror: '', version: '0', intent: 'submit', comment };
  const lines = page.spec.criteria.flatMap((c: any) => c.lines);
  lines.forEach((line: any, i: number) => { form[`points[k${line.key}]`] = points[i] ?? '0'; });
  await call(request, app, 'save_sheet', form);
}
