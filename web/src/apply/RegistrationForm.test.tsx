import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PACKAGE_DEFAULTS, type ApplicationFormResponse } from '../../../shared/api/applications';
import { creditCodeCheckCharacter } from '../../../shared/eligibility/credit-code';
import { renderWithState } from '../test-utils';
import { routedFetch } from './fakes';
import { RegistrationForm } from './RegistrationForm';

afterEach(cleanup);

const form: ApplicationFormResponse = {
  roundId: 'city-2026',
  programmeId: 'city',
  name: { 'zh-CN': '第一届示范市政府质量奖', en: 'Demo award, first round' },
  registrationOpen: true,
  registrationOpens: '2026-07-01T00:00:00.000Z',
  registrationCloses: '2026-08-15T00:00:00.000Z',
  submissionDeadline: '2026-09-01T09:00:00.000Z',
  rules: PACKAGE_DEFAULTS,
  sections: ['profile'],
  allowedTypes: ['application/pdf'],
  maxFileBytes: 50 * 1024 * 1024,
  checklist: ['legalPerson', 'operatingYears', 'creditCode', 'noMajorIncident', 'noSeriousPenalty', 'goodCredit', 'performanceExcellence', 'selfAssessment', 'notRecentWinner'].map(
    (kind) => ({ id: kind, kind }),
  ),
};
const body17 = '91510100MA61R8X0Q';
const validCode = body17 + creditCodeCheckCharacter(body17);

const fill = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });

describe('registration form', () => {
  it('shows what to fix next to each field and sends nothing while the form is incomplete', async () => {
    // Prepare
    const fetch = routedFetch({});
    renderWithState(<RegistrationForm form={form} onRegistered={vi.fn()} />, { locale: 'en', fetch });
    fill('Unified social credit code', '91510100MA61R8X0Q1');
    fill('Phone', 'call me');

    // Act
    fireEvent.submit(screen.getByRole('button', { name: 'Register' }).closest('form')!);

    // Assess
    expect(screen.getByRole('alert').textContent).toMatch(/field\(s\) need attention/);
    expect(screen.getByLabelText('Organisation name').getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('reg-name-error')!.textContent).toBe('This field is required.');
    expect(document.getElementById('reg-creditCode-error')!.textContent).toMatch(/check character/i);
    expect(document.getElementById('reg-phone-error')!.textContent).toMatch(/valid phone number/);
    expect(document.getElementById('reg-establishedOn-error')!.textContent).toBe('Enter a valid date.');
    expect(screen.getAllByText('Tick the declaration that there was none, or list each date.')).toHaveLength(2); // incidents and penalties
    expect(fetch.calls).toHaveLength(0);
  });

  it("words the declarations with the round's own periods (years of operation, incident and penalty years, cooldown)", () => {
    // Prepare: a round stricter than the defaults
    const strict = {
      ...form,
      checklist: form.checklist.map((rule) =>
        rule.kind === 'noMajorIncident' ? { ...rule, years: 5 }
        : rule.kind === 'noSeriousPenalty' ? { ...rule, years: 2 }
        : rule.kind === 'operatingYears' ? { ...rule, minYears: 4 }
        : rule.kind === 'notRecentWinner' ? { ...rule, rounds: 2 }
        : rule,
      ),
    };
    // Act
    renderWithState(<RegistrationForm form={strict} onRegistered={vi.fn()} />, { locale: 'zh-CN' });
    // Assess
    screen.getByText('近 5 年内未发生重大质量、安全或环境事故。');
    screen.getByText('近 2 年内未受到严重行政处罚。');
    screen.getByText('本轮要求连续经营满 4 年。');
    screen.getByText('往届获奖组织须间隔 2 届方可再次申报。');
  });

  it('checks the credit code while typing: length first, then the GB 32100-2015 check character', () => {
    renderWithState(<RegistrationForm form={form} onRegistered={vi.fn()} />, { locale: 'zh-CN' });

    fill('统一社会信用代码', '9151');
    expect(document.querySelector('[data-credit-code="invalid"]')!.textContent).toContain('应为 18 位，当前为 4 位');

    fill('统一社会信用代码', `${body17}${validCode.endsWith('0') ? '1' : '0'}`);
    expect(document.querySelector('[data-credit-code="invalid"]')!.textContent).toContain('校验位不正确');

    fill('统一社会信用代码', validCode.toLowerCase());
    expect(document.querySelector('[data-credit-code="valid"]')!.textContent).toBe('格式与校验位正确。');
  });

  it('sends the organisation (code upper-cased, fields trimmed) and the declarations, and shows a refusal in the reader’s language', async () => {
    const fetch = routedFetch({
      'POST /api/submission/applications': {
        status: 409,
        body: { error: { code: 'CREDIT_CODE_TAKEN', message: { 'zh-CN': '该统一社会信用代码已在本轮次登记申报', en: 'already registered for this round' } } },
      },
    });
    const onRegistered = vi.fn();
    renderWithState(<RegistrationForm form={form} onRegistered={onRegistered} />, { locale: 'en', fetch });
    fill('Organisation name', ' 成都示范质量有限公司 ');
    fill('Unified social credit code', validCode.toLowerCase());
    fill('District', '锦江区');
    fill('Industry', '制造业');
    fireEvent.change(screen.getByLabelText('Size'), { target: { value: 'small' } });
    fill('Address', '示范路 8 号');
    fill('Legal representative', '王法人');
    fill('Contact person', '赵联系');
    fill('Phone', '028-12345678');
    fill('Contact email', 'contact@example.org');
    fill('Date of establishment', '2012-03-15');
    for (const label of [/legal person/, /No major quality/, /No serious administrative/, /good credit record/, /performance-excellence/]) {
      fireEvent.click(screen.getByLabelText(label));
    }

    fireEvent.submit(screen.getByRole('button', { name: 'Register' }).closest('form')!);

    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('already registered for this round'));
    expect(screen.getByRole('alert').textContent).not.toContain('该统一社会信用代码已在本轮次登记申报'); // the reader's language only
    expect(fetch.calls).toHaveLength(1);
    expect(fetch.calls[0]!.body).toEqual({
      roundId: 'city-2026',
      organisation: {
        name: '成都示范质量有限公司',
        creditCode: validCode,
        district: '锦江区',
        industry: '制造业',
        size: 'small',
        address: '示范路 8 号',
        legalRepresentative: '王法人',
        contactPerson: '赵联系',
        phone: '028-12345678',
        email: 'contact@example.org',
      },
      declarations: {
        legalPerson: true,
        establishedOn: '2012-03-15',
        majorIncidents: [],
        seriousPenalties: [],
        goodCreditRecord: true,
        appliesPerformanceExcellence: true,
      },
    });
    expect(onRegistered).not.toHaveBeenCalled();
  });
});
