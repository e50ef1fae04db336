import type { ApplicationView, Receipt } from '../../../shared/api/applications';
import { PACKAGE_DEFAULTS } from '../../../shared/api/application-constants';

/** A registered application as the API answers it; fields can be overridden. */
export function applicationFixture(over: Partial<ApplicationView> = {}): ApplicationView {
  return {
    applicationId: '01JDEMO0000000000000000000',
    roundId: 'city-2026',
    programmeId: 'city',
    status: 'registered',
    organisation: {
      name: '成都示范质量有限公司',
      creditCode: '91510100MA61R8X0QK',
      district: '锦江区',
      industry: '制造业',
      size: 'medium',
      address: '成都市锦江区示范路 8 号',
      legalRepresentative: '王法人',
      contactPerson: '赵联系',
      phone: '028-12345678',
      email: 'contact@example.org',
    },
    selfCheck: { eligible: true, failures: [] },
    createdAt: '2026-07-02T02:00:00.000Z',
    openRequests: 0,
    version: 1,
    declarations: { legalPerson: true, establishedOn: '2012-03-15', majorIncidents: [], seriousPenalties: [], goodCreditRecord: true, appliesPerformanceExcellence: true },
    stage: 'registration',
    submissionDeadline: '2026-09-01T09:00:00.000Z',
    rules: PACKAGE_DEFAULTS,
    sections: [],
    documents: [],
    completeness: { complete: false, missingSections: ['profile'], missingDocuments: [], pendingDocuments: [] },
    ...over,
  };
}

/** The receipt of a formal submission as the API answers it; fields can be overridden. */
export function receiptFixture(over: Partial<Receipt> = {}): Receipt {
  return {
    receiptId: '01JRECEIPT0000000000000000',
    applicationId: '01JDEMO0000000000000000000',
    roundId: 'city-2026',
    organisationName: '成都示范质量有限公司',
    creditCode: '91510100MA61R8X0QK',
    submittedAt: '2026-08-01T01:00:00.000Z',
    textsSha256: 'a'.repeat(64),
    manifest: [],
    packageSha256: 'b'.repeat(64),
    ...over,
  };
}
