import { describe, expect, it } from 'vitest';
import { ROUND_DATE_FIELDS, ROUND_DEFAULTS } from '../../../../shared/round';
import { DATE_FIELDS, FORM_DEFAULTS } from './defaults';

describe('the rounds form’s plain defaults', () => {
  it('are the defaults of shared/round (the form does not import the schema, so this keeps them equal)', () => {
    const d = ROUND_DEFAULTS;
    expect(DATE_FIELDS).toEqual(ROUND_DATE_FIELDS);
    expect(FORM_DEFAULTS).toEqual({
      winnersQuota: d.winnersQuota,
      candidateThreshold: d.candidateThreshold,
      weights: d.weights,
      teams: d.teams,
      divergenceThreshold: d.divergenceThreshold,
      siteVisitsPerPlace: d.siteVisitsPerPlace,
      publicNoticeDays: d.publicNoticeDays,
      opinionDepartments: d.opinionDepartments,
    });
  });
});
