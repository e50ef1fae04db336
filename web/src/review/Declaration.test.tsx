import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeclarationView } from '../../../shared/api/reviews';
import { routedFetch } from '../apply/fakes';
import { renderWithState } from '../test-utils';
import { AssignmentPage } from './AssignmentPage';
import { APP, assignmentFixture, BASE, CARD, cardFixture, materialFixture, ME, MINE } from './fixtures';

afterEach(cleanup);

const DECLARE = `POST ${BASE}/declaration`;
const MATERIAL = `GET ${BASE}/material`;

function declaration(over: Partial<DeclarationView> = {}): DeclarationView {
  return {
    roundId: 'city-2026',
    applicationId: APP,
    reviewerId: ME,
    reviewerName: '李专家',
    declaredAt: '2026-09-11T02:00:00.000Z',
    relations: [],
    confidentialitySigned: true,
    impartialitySigned: true,
    conflicts: [],
    ...over,
  };
}

function page(fetch: ReturnType<typeof routedFetch>) {
  return renderWithState(<AssignmentPage applicationId={APP} stage="materialReview" />, { locale: 'en', fetch });
}

const awaiting = { status: 200, body: { assignments: [assignmentFixture({ status: 'awaitingDeclaration' })] } };
const { roundStage: _rs, card: _c, consensusRecorded: _cr, ...view } = assignmentFixture();

describe('the conflict-of-interest declaration', () => {
  it('comes before any material, lists every relation kind and states that a conflict blocks and the declaration is final', async () => {
    const fetch = routedFetch({ [MINE]: awaiting });
    page(fetch);

    await screen.findByRole('heading', { name: 'Conflict-of-interest declaration' });
    for (const label of ['Works or recently worked there', 'Consulted for it', 'Trained its people', 'A close relative works there', 'Holds shares in it', 'Employer competes with it', 'Employer is a key customer', 'Employer is a key supplier']) {
      expect(screen.getByLabelText(label)).toBeTruthy();
    }
    expect(document.querySelector('[data-declaration-rules]')!.textContent).toContain('A declared conflict blocks this assignment');
    expect(document.querySelector('[data-declaration-rules]')!.textContent).toContain('cannot be changed once sent');
    expect(fetch.calls.map((c) => c.key)).toEqual([MINE]);
  });

  it('cannot be sent until both the confidentiality and the impartiality declarations are signed', async () => {
    const fetch = routedFetch({ [MINE]: awaiting });
    page(fetch);
    const send = await screen.findByRole('button', { name: 'Sign and send the declaration' });

    fireEvent.click(send);
    expect(screen.getByRole('alert').textContent).toBe('Sign both the confidentiality and the impartiality declaration.');

    fireEvent.click(screen.getByLabelText(/^Confidentiality:/));
    fireEvent.click(send);
    expect(screen.getByRole('alert').textContent).toBe('Sign both the confidentiality and the impartiality declaration.');
    expect(screen.queryByRole('button', { name: 'Send' })).toBeNull();

    fireEvent.click(screen.getByLabelText(/^Confidentiality:/));
    fireEvent.click(screen.getByLabelText(/^Impartiality:/));
    fireEvent.click(send);
    expect(screen.getByRole('alert').textContent).toBe('Sign both the confidentiality and the impartiality declaration.');
    expect(fetch.calls.filter((c) => c.key === DECLARE)).toHaveLength(0);
  });

  it('sends no relation when none is ticked and, declared clear, opens the material and the scorecard', async () => {
    // Prepare
    const fetch = routedFetch({
      [MINE]: awaiting,
      [DECLARE]: { status: 201, body: { declaration: declaration(), assignments: [{ ...view, status: 'active', version: 2 }] } },
      [MATERIAL]: { status: 200, body: materialFixture() },
      [`GET ${CARD}`]: { status: 200, body: cardFixture() },
    });
    page(fetch);

    // Act
    fireEvent.click(await screen.findByLabelText(/^Confidentiality:/));
    fireEvent.click(screen.getByLabelText(/^Impartiality:/));
    fireEvent.click(screen.getByRole('button', { name: 'Sign and send the declaration' }));
    expect(screen.getByText(/You declare none of these relations/).textContent).toContain('cannot be changed once sent');
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));

    // Assess
    await screen.findByText('Declaration recorded: no conflict of interest. You can now read the material and score.');
    expect(fetch.calls.find((c) => c.key === DECLARE)!.body).toEqual({ relations: [], confidentialitySigned: true, impartialitySigned: true });
    await screen.findByRole('heading', { name: 'Scorecard' });
    expect(screen.getByText('本公司成立于 2010 年。')).toBeTruthy();
    expect(screen.getByText('营业执照.pdf')).toBeTruthy();
  });

  it('sends the ticked relations with the employment end date and notes, and explains a conflict blocks the assignment', async () => {
    // Prepare
    const conflicted = declaration({ relations: [{ kind: 'employment', endedOn: '2024-06-30' }], conflicts: [{ source: 'declared', kind: 'employment' }] });
    const fetch = routedFetch({
      [MINE]: awaiting,
      [DECLARE]: { status: 201, body: { declaration: conflicted, assignments: [{ ...view, status: 'conflicted', version: 2 }] } },
    });
    page(fetch);

    // Act
    fireEvent.click(await screen.findByLabelText('Works or recently worked there'));
    fireEvent.input(screen.getByLabelText('Ended on (leave blank if current)'), { target: { value: '2024-06-30' } });
    fireEvent.input(screen.getAllByLabelText('Note (optional)')[0]!, { target: { value: '  曾任质量部经理 ' } });
    fireEvent.click(screen.getByLabelText('Employer is a key supplier'));
    fireEvent.click(screen.getByLabelText(/^Confidentiality:/));
    fireEvent.click(screen.getByLabelText(/^Impartiality:/));
    fireEvent.click(screen.getByRole('button', { name: 'Sign and send the declaration' }));
    expect(screen.getByText(/You declare 2 relation\(s\)/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));

    // Assess
    await waitFor(() => expect(document.querySelector('[data-conflicted]')).toBeTruthy());
    const blocked = document.querySelector('[data-conflicted]')!;
    expect(blocked.textContent).toContain('The award office will assign another expert');
    expect(blocked.textContent).toContain('Works or recently worked there');
    expect(fetch.calls.find((c) => c.key === DECLARE)!.body).toEqual({
      relations: [{ kind: 'employment', endedOn: '2024-06-30', note: '曾任质量部经理' }, { kind: 'supplier' }],
      confidentialitySigned: true,
      impartialitySigned: true,
    });
    expect(fetch.calls.some((c) => c.key === MATERIAL)).toBe(false);
    expect(document.querySelector('[data-assignment-status]')!.textContent).toBe('Conflict of interest (blocked)');
  });
});
