import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { defaultRoundConfig } from '../../shared/round';
import { PDF, registration } from '../integration/applications-helpers';
import { api, signIn, uniqueEmail } from '../integration/helpers';
import { seedDeliberatedRound } from '../integration/notice-helpers';
import { moveTo, roundDates, seedRound } from '../integration/rounds-helpers';
import { baseUrl, explainer, latestLink, useBrowser } from './browser';

// Issue #14 part 2 in real headless Chromium: the city office writes a round's call and attaches its guidelines,
// sets where written objections go; the public finds the award by its level, reads the call and downloads the
// guidelines (Chinese and English, phone and desktop width); one organisation applies, with one email, to the city's
// round and to a district's, and each office sees only its own; the public notice shows the office's contact and
// takes an online, real-name objection with an evidence file, which lands in the office's list.
// Set-up that is not the point (the district programme and its round, a round at deliberation) goes through the API.

const browser = useBrowser();
const PHONE = { width: 375, height: 740 };
const DESKTOP = { width: 1280, height: 800 };

const explained = explainer(browser);

/** Asks for a sign-in link for an address and opens it in the page, as a person does from their mail. */
async function openMailedLink(page: Page, email: string) {
  expect((await api('POST', '/api/submission/auth/links', { body: { email } })).status).toBe(202);
  await page.goto(await latestLink(email));
}

const cookieOf = async () => (await browser().context.cookies(`${baseUrl()}/api/`)).map((c) => `${c.name}=${c.value}`).join('; ');

/** A district programme with its first administrator and a round open for registration, through the API. */
async function districtWithRound(tag: string) {
  const operator = await signIn(inject('operatorEmail'));
  const programmeId = `portal-${tag}`;
  const created = await api('POST', '/api/submission/operator/programmes', {
    cookie: operator,
    body: {
      programmeId,
      name: { 'zh-CN': `台江区政府质量奖${tag}`, en: `Taijiang District Quality Award ${tag}` },
      level: 'district',
      issuingBody: { 'zh-CN': '福州市台江区人民政府', en: 'Taijiang District People’s Government' },
    },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const adminEmail = uniqueEmail('taijiang-admin');
  expect((await api('POST', `/api/submission/operator/programmes/${programmeId}/admins`, { cookie: operator, body: { email: adminEmail, name: '台江区办公室' } })).status).toBe(201);
  const admin = await signIn(adminEmail);
  const roundId = `${programmeId}-2027`;
  const round = await api('POST', '/api/publication/rounds', {
    cookie: admin,
    body: { roundId, name: { 'zh-CN': '台江区 2027 年度', en: 'Taijiang 2027' }, config: defaultRoundConfig(roundDates('open')) },
  });
  expect(round.status, JSON.stringify(round.body)).toBe(201);
  const moved = await moveTo(roundId, 'registration', round.body.version, admin);
  expect(moved.status, JSON.stringify(moved.body)).toBe(200);
  return { programmeId, roundId, admin };
}

describe('the public portal of each award', () => {
  it('the office publishes a call with its guidelines; the public reads it and downloads them; one email applies to the city and a district', async () => {
    const page = await browser().newPage();
    const tag = `${Date.now().toString(36)}${randomInt(1e4)}`;
    const city = await seedRound();
    const district = await districtWithRound(tag);
    const textZh = `关于组织申报 ${tag} 年度市政府质量奖的通知\n一、申报范围……`;
    const textEn = `Call for applications to the city quality award ${tag}`;

    // The city office, at desktop width: the call's text, then an attachment; and where objections go.
    await explained(page, async () => {
      await page.setViewportSize(DESKTOP);
      await openMailedLink(page, inject('adminEmail'));
      await page.waitForURL(/\/admin$/);
      await page.locator('[data-contact-editor]').waitFor();
      await page.fill('#contact-address-zh', '福州市鼓楼区示范路 8 号市场监管局 312 室');
      await page.fill('#contact-address-en', 'Room 312, Market Regulation Bureau, 8 Shifan Road, Gulou, Fuzhou');
      await page.fill('#contact-phone', '0591-8700 1234');
      await page.fill('#contact-email', 'zhiliangjiang@example.org');
      await page.click('[data-contact-editor] button[type=submit]');
      await page.locator('[data-contact-editor] p.notice').waitFor();
    });
    await explained(page, async () => {
      await page.goto(`${baseUrl()}/admin/rounds/${city.roundId}`);
      await page.locator(`[data-call-editor="${city.roundId}"]`).waitFor();
      await page.fill('#call-text-zh', textZh);
      await page.fill('#call-text-en', textEn);
      await page.getByRole('button', { name: '保存通知正文' }).click();
      await page.locator('[data-call-editor] p.notice', { hasText: '已保存' }).waitFor();
      // A photo is not an application document: refused with a clear error, nothing attached.
      await page.setInputFiles('#call-file', { name: '照片.png', mimeType: 'image/png', buffer: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64') });
      await page.fill('#call-title-zh', '照片');
      await page.fill('#call-title-en', 'Photo');
      await page.getByRole('button', { name: '上传附件' }).click();
      await page.locator('[data-call-editor] [data-error-code="FILE_TYPE_REFUSED"]').waitFor();
      await page.setInputFiles('#call-file', { name: '申报指南.pdf', mimeType: 'application/pdf', buffer: PDF });
      await page.fill('#call-title-zh', '申报指南');
      await page.fill('#call-title-en', 'Guidelines for applicants');
      await page.getByRole('button', { name: '上传附件' }).click();
      await page.locator('[data-call-editor] [data-attachment]', { hasText: '申报指南.pdf' }).waitFor();
      expect(await page.locator('[data-call-editor] [data-attachment]').count()).toBe(1);
    });

    // The public, signed out, on a phone: the home page by level, the programme's page, the call.
    await browser().context.clearCookies();
    await explained(page, async () => {
      await page.setViewportSize(PHONE);
      await page.goto(`${baseUrl()}/`);
      await page.locator('[data-level="district"]', { hasText: `台江区政府质量奖${tag}` }).waitFor();
      await page.locator('[data-programme-link="city"]').click();
      await page.waitForURL(/\/programmes\/city$/);
      await page.locator('[data-programme-page="city"] [data-contact]', { hasText: '0591-8700 1234' }).waitFor();
      await page.locator(`[data-call-link="${city.roundId}"]`).click();
      await page.waitForURL(new RegExp(`/calls/${city.roundId}$`));
      await page.locator('[data-call-text]', { hasText: '一、申报范围' }).waitFor();
      await page.getByRole('heading', { name: '时间安排' }).waitFor();
      await page.getByRole('heading', { name: '申报条件' }).waitFor();
    });
    await explained(page, async () => {
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: '下载 申报指南' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toBe('申报指南.pdf');
      const path = await file.path();
      expect(path).toBeTruthy();
    });
    await explained(page, async () => {
      await page.setViewportSize(DESKTOP);
      await page.locator('.lang-switch button[lang="en"]').click();
      await page.locator('[data-call-text]', { hasText: textEn }).waitFor();
      await page.getByRole('heading', { name: 'Who may apply' }).waitFor();
      await page.getByRole('button', { name: 'Download Guidelines for applicants' }).waitFor();
      await page.locator('.lang-switch button[lang="zh-CN"]').click();
      await page.locator('[data-call-text]', { hasText: '一、申报范围' }).waitFor();
    });

    // One organisation, one email: the city's round from its call, then the district's.
    const email = uniqueEmail('one-org');
    const applyFrom = async (roundId: string, signedInElsewhere: boolean) => {
      await page.goto(`${baseUrl()}/calls/${roundId}`);
      await page.locator('[data-apply-link]').click();
      await page.waitForURL(/\/apply\?programme=/);
      // Signed in to the city's award, the district's apply button asks for a link for the district's (a session is one award).
      if (signedInElsewhere) await page.locator('[data-other-programme]', { hasText: '示范市政府质量奖' }).waitFor();
      await page.fill('#apply-link-email', email);
      await page.click('form.form button[type=submit]');
      await page.locator('p.notice[role=status]').waitFor();
      await page.goto(await latestLink(email));
      await page.waitForURL(/\/apply/);
      const res = await api('POST', '/api/submission/applications', { cookie: await cookieOf(), body: registration(roundId, { name: `一邮双报有限公司${tag}` }) });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.applicationId as string;
    };
    let cityApplication = '';
    let districtApplication = '';
    await explained(page, async () => {
      await page.setViewportSize(PHONE);
      await browser().context.clearCookies();
      cityApplication = await applyFrom(city.roundId, false);
    });
    await explained(page, async () => {
      districtApplication = await applyFrom(district.roundId, true);
    });
    // Each office sees its own registration and nothing of the other's.
    const cityAdmin = await signIn(inject('adminEmail'));
    const cityList = await api('GET', `/api/submission/applications?roundId=${city.roundId}`, { cookie: cityAdmin });
    expect(cityList.body.applications.map((a: any) => a.applicationId)).toEqual([cityApplication]);
    expect((await api('GET', `/api/submission/applications/${districtApplication}`, { cookie: cityAdmin })).status).toBe(404);
    const districtList = await api('GET', `/api/submission/applications?roundId=${district.roundId}`, { cookie: district.admin });
    expect(districtList.body.applications.map((a: any) => a.applicationId)).toEqual([districtApplication]);
    expect((await api('GET', `/api/submission/applications/${cityApplication}`, { cookie: district.admin })).status).toBe(404);
    expect((await api('GET', `/api/submission/applications?roundId=${city.roundId}`, { cookie: district.admin })).status).not.toBe(200);
  });

  it('the public notice shows where written objections go and takes an online real-name objection with evidence', async () => {
    const page = await browser().newPage();
    const admin = await signIn(inject('adminEmail'));
    const contact = await api('GET', '/api/publication/programmes');
    const version = contact.body.programmes.find((p: any) => p.programmeId === 'city')?.contact?.version ?? 0;
    expect(
      (
        await api('PUT', '/api/submission/programme/contact', {
          cookie: admin,
          body: { address: { 'zh-CN': '福州市鼓楼区示范路 8 号 312 室', en: 'Room 312, 8 Shifan Road, Fuzhou' }, phone: '0591-8700 1234', email: 'zhiliangjiang@example.org', version },
        })
      ).status,
    ).toBe(200);
    const seeded = await seedDeliberatedRound();
    const { roundId } = seeded.round;
    expect((await moveTo(roundId, 'publicNotice', seeded.round.version, admin)).status).toBe(200);
    const proposed = seeded.standings.find((s) => s.applicationId === seeded.proposed[0])!.organisation.name;
    await browser().context.clearCookies();

    await explained(page, async () => {
      await page.setViewportSize(PHONE);
      await page.goto(`${baseUrl()}/notices/${roundId}`);
      await page.locator('[data-period="open"]').waitFor();
      await page.locator('[data-contact]', { hasText: '0591-8700 1234' }).waitFor();
      await page.locator('[data-command-link="notice"]').waitFor();
      await page.locator('[data-objection-form]').waitFor();
      await page.selectOption('#objection-against', proposed);
      // Anonymous: refused by the office's rules, said so.
      await page.fill('#objection-name', '匿名');
      await page.fill('#objection-id', '350102199001011234');
      await page.fill('#objection-phone', '138-0000-0000');
      await page.fill('#objection-statement', '该单位近一年受到过严重行政处罚。');
      await page.setInputFiles('#objection-evidence', { name: '处罚决定书.pdf', mimeType: 'application/pdf', buffer: PDF });
      await page.getByRole('button', { name: '提交异议' }).click();
      await page.locator('[data-objection-form] [data-error-code="OBJECTION_ANONYMOUS"]').waitFor();
      await page.fill('#objection-name', '王实名');
      await page.getByRole('button', { name: '提交异议' }).click();
      await page.locator('[data-objection-received]').waitFor();
    });
    // In English at desktop width: the contact and the command's own page.
    await explained(page, async () => {
      await page.setViewportSize(DESKTOP);
      await page.locator('.lang-switch button[lang="en"]').click();
      await page.locator('[data-contact]', { hasText: 'Room 312' }).waitFor();
      await page.locator('[data-command-link="notice"]').click();
      await page.waitForURL(new RegExp(`/verify/${roundId}\\?kind=notice$`));
      await page.locator('pre.command', { hasText: `--published ${baseUrl()}/results/${roundId}/notice.json` }).waitFor();
      await page.locator('.lang-switch button[lang="zh-CN"]').click();
    });
    const list = await api('GET', `/api/publication/rounds/${roundId}/objections`, { cookie: admin });
    expect(list.body.objections).toHaveLength(1);
    expect(list.body.objections[0]).toMatchObject({ channel: 'online', objectorName: '王实名' });
    expect(list.body.objections[0].evidenceFiles).toHaveLength(1);
  });
});
