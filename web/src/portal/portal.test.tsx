import { cleanup, screen } from '@testing-library/preact';
import { Route, Router } from 'preact-iso';
import { afterEach, describe, expect, it } from 'vitest';
import type { Locale } from '../../../shared/messages/types';
import { routedFetch } from '../apply/fakes';
import { renderWithState } from '../test-utils';
import { CallPage } from './CallPage';
import { ProgrammePage } from './ProgrammePage';

afterEach(cleanup);

const programmes = {
  programmes: [
    {
      programmeId: 'city',
      name: { 'zh-CN': '示范市政府质量奖', en: 'Demo City Quality Award' },
      level: 'city',
      issuingBody: { 'zh-CN': '示范市人民政府', en: 'Demo City Government' },
      contact: { address: { 'zh-CN': '示范路 8 号', en: '8 Shifan Road' }, phone: '0591-8700 1234', email: 'office@example.org', version: 1 },
      rounds: [
        { roundId: 'city-2027', name: { 'zh-CN': '2027 年度', en: '2027' }, stage: 'registration', registrationOpens: '2027-01-01T00:00:00.000Z', submissionDeadline: '2027-04-01T00:00:00.000Z' },
        { roundId: 'city-2025', name: { 'zh-CN': '2025 年度', en: '2025' }, stage: 'announcement', registrationOpens: '2025-01-01T00:00:00.000Z', submissionDeadline: '2025-04-01T00:00:00.000Z' },
      ],
    },
  ],
};

const call = {
  roundId: 'city-2027',
  programmeId: 'city',
  stage: 'registration',
  version: 3,
  text: { 'zh-CN': '关于申报的通知', en: 'The call for applications' },
  attachments: [{ attachmentId: 'A1', kind: 'guidelines', title: { 'zh-CN': '申报指南', en: 'Guidelines' }, fileName: 'guide.pdf', contentType: 'application/pdf', size: 2048, sha256: 'x', addedAt: '2027-01-01T00:00:00.000Z' }],
  updatedAt: '2027-01-02T03:04:00.000Z',
};

const form = {
  roundId: 'city-2027',
  programmeId: 'city',
  name: { 'zh-CN': '2027 年度', en: '2027' },
  registrationOpen: true,
  registrationOpens: '2027-01-01T00:00:00.000Z',
  registrationCloses: '2027-02-01T00:00:00.000Z',
  submissionDeadline: '2027-04-01T00:00:00.000Z',
  rules: {},
  sections: ['profile', ...Array.from({ length: 23 }, (_, i) => `item${i}`)],
  allowedTypes: ['application/pdf', 'image/png'],
  maxFileBytes: 50 * 1024 * 1024,
  checklist: [{ id: 'operatingYears', kind: 'operatingYears', minYears: 3 }, { id: 'goodCredit', kind: 'goodCredit' }],
};

function show(path: string, locale: Locale = 'zh-CN') {
  window.history.replaceState(null, '', path);
  const fetch = routedFetch({
    'GET /api/publication/programmes': { status: 200, body: programmes },
    'GET /api/submission/rounds/city-2027/call': { status: 200, body: call },
    'GET /api/submission/rounds/city-2027/form': { status: 200, body: form },
  });
  const documents = async (url: string) =>
    url === '/results/city-2025/announcement.json'
      ? new Response(JSON.stringify({ entries: [{ rank: 1, organisation: { name: '闽江卓越制造有限公司', district: '鼓楼区', industry: '制造业' }, finalScore: '800.00' }] }), { status: 200 })
      : new Response('{}', { status: 404 });
  return renderWithState(
    <Router>
      <Route path="/programmes/:programmeId" component={() => <ProgrammePage fetch={documents} />} />
      <Route path="/calls/:roundId" component={CallPage} />
    </Router>,
    { locale, fetch },
  );
}

describe("a programme's public page", () => {
  it('shows who awards it, its rounds with their calls, the winners of an announced round and where objections go', async () => {
    show('/programmes/city');
    await screen.findByText('闽江卓越制造有限公司');
    expect(screen.getByText('颁奖单位：示范市人民政府')).toBeTruthy();
    expect(document.querySelector('[data-call-link="city-2027"]')?.getAttribute('href')).toBe('/calls/city-2027');
    expect(document.querySelector('a[href="/apply?programme=city"]')).not.toBeNull();
    expect(document.querySelector('[data-contact]')?.textContent).toContain('0591-8700 1234');
    expect(document.body.textContent).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });

  it('says so for a programme that does not exist', async () => {
    show('/programmes/nowhere');
    await screen.findByText('没有这个奖项。');
  });
});

describe("a round's call", () => {
  it('shows the text, the timeline in Beijing time, the rules as sentences, the package and the attachments', async () => {
    show('/calls/city-2027');
    await screen.findByText('关于申报的通知');
    expect(screen.getByText('依法经营满 3 年。')).toBeTruthy();
    expect(document.body.textContent).toContain('23 个评分条目');
    expect(document.querySelector('[data-attachment="A1"]')?.textContent).toContain('guide.pdf');
    expect(document.querySelector('[data-apply-link]')?.getAttribute('href')).toBe('/apply?programme=city');
    expect(document.body.textContent).toContain('2027年1月1日 08:00');
    expect(document.body.textContent).not.toMatch(/\d{4}-\d{2}-\d{2}T|\{\w+\}/);
  });

  it('in English when the site is', async () => {
    show('/calls/city-2027', 'en');
    await screen.findByText('The call for applications');
    expect(screen.getByRole('button', { name: 'Download Guidelines' })).toBeTruthy();
    expect(screen.getByText('Operating for at least 3 years.')).toBeTruthy();
  });
});
