import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { roundScope } from '../../shared/audit/chain';
import { GBT19580_2012 } from '../../shared/criteria';
import { PACKAGE_DEFAULT_SETTINGS } from '../../shared/round/package-defaults';
import { ROUND_DEFAULTS } from '../../shared/round';
import { createRound, registeredApplicant } from '../integration/applications-helpers';
import { uniqueEmail } from '../integration/helpers';
import { call, pool, unclearError } from './http';
import { tallyOf } from './tally';
import { heads } from './world';

// Abuse of what a round allows (issue #16 defects 2 and 4, fixed on the `safety` branch): a name the document
// could not be served under, and the configured limits on files and on the package's total length.

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

describe('limits an applicant cannot get round', () => {
  it('refuses a file name that is not well-formed Unicode or carries control or bidi characters, writing nothing', async ({ task }) => {
    const tally = tallyOf(task);
    const roundId = await createRound();
    const { cookie, applicationId } = await registeredApplicant(roundId, uniqueEmail('names'));
    for (const fileName of ['报告\uD800.pdf', 'a\uDFFFb.pdf', 'invoice\u202Efdp.exe', 'tab\there.pdf', 'x'.repeat(300) + '.pdf']) {
      const before = await heads({ scopes: [roundScope(roundId)] });
      const reply = await call('POST', `/api/submission/applications/${applicationId}/documents`, {
        cookie,
        body: { category: 'other', fileName, contentType: 'application/pdf', size: 100, sha256: sha(fileName) },
      });
      tally.H++;
      expect(reply.status, `${JSON.stringify(fileName).slice(0, 40)}: ${reply.text.slice(0, 200)}`).toBe(400);
      expect(unclearError(reply)).toBeUndefined();
      expect(await heads({ scopes: [roundScope(roundId)] })).toBe(before);
    }
  });

  it(`keeps the package within package.maxTotalChars (${PACKAGE_DEFAULT_SETTINGS.maxTotalChars})`, async ({ task }) => {
    const tally = tallyOf(task);
    const roundId = await createRound();
    const { cookie, applicationId } = await registeredApplicant(roundId, uniqueEmail('long'));
    let acknowledged = 0;
    let refused = 0;
    for (const section of ['profile', ...GBT19580_2012.items.map((i) => i.id)]) {
      const length = section === 'profile' ? PACKAGE_DEFAULT_SETTINGS.profileMaxChars : PACKAGE_DEFAULT_SETTINGS.itemMaxChars;
      const reply = await call('PUT', `/api/submission/applications/${applicationId}/package/${section}`, { cookie, body: { text: '质'.repeat(length), version: 0 } });
      tally.H++;
      expect(reply.status, reply.text.slice(0, 200)).toBeLessThan(500);
      if (reply.status === 200) acknowledged += length;
      else {
        refused++;
        expect(unclearError(reply)).toBeUndefined();
      }
    }
    expect(refused).toBeGreaterThan(0);
    expect(acknowledged).toBeLessThanOrEqual(PACKAGE_DEFAULT_SETTINGS.maxTotalChars);
  });

  it(`accepts at most uploads.maxFiles (${ROUND_DEFAULTS.uploads.maxFiles}) documents per application`, async ({ task }) => {
    const tally = tallyOf(task);
    const roundId = await createRound();
    const { cookie, applicationId } = await registeredApplicant(roundId, uniqueEmail('files'));
    const max = ROUND_DEFAULTS.uploads.maxFiles;
    const replies = await pool(Array.from({ length: max + 5 }, (_, i) => i), 4, (i) =>
      call('POST', `/api/submission/applications/${applicationId}/documents`, {
        cookie,
        body: { category: 'other', fileName: `附件${i}.pdf`, contentType: 'application/pdf', size: 1000, sha256: sha(`file ${i}`) },
      }),
    );
    tally.H += replies.length;
    expect(replies.filter((r) => r.status >= 500)).toEqual([]);
    expect(replies.filter((r) => r.status === 201).length).toBeLessThanOrEqual(max);
  }, 120_000);
});
