import type { DefenseScheduleView, VisitView } from '../../../../shared/api/schedules';

/** A scheduled site visit as the API answers it. */
export const visitFixture = (over: Partial<VisitView> = {}): VisitView => ({
  roundId: 'city-2026',
  applicationId: '01JAPP00000000000000000001',
  organisation: { name: '福州示范精密制造有限公司', district: '鼓楼区', industry: '制造业' },
  status: 'scheduled',
  start: '2027-03-10T01:00:00.000Z',
  end: '2027-03-10T04:00:00.000Z',
  timeZone: 'Asia/Shanghai',
  address: '福州市鼓楼区五四路 1 号',
  contactPerson: '王联系',
  contactPhone: '0591-12345678',
  team: [
    { reviewerId: 'e1', reviewerName: '张组长', leader: true },
    { reviewerId: 'e2', reviewerName: '李专家', leader: false },
  ],
  sequence: 0,
  version: 1,
  updatedAt: '2026-12-06T02:00:00.000Z',
  ...over,
});

/** A defense day as the API answers it. */
export const defenseFixture = (over: Partial<DefenseScheduleView> = {}): DefenseScheduleView => ({
  roundId: 'city-2026',
  date: '2027-04-20',
  place: '市政府第三会议室',
  timeZone: 'Asia/Shanghai',
  slots: [
    { applicationId: '01JAPP00000000000000000002', organisationName: '福州乙公司', order: 1, start: '2027-04-20T01:00:00.000Z', end: '2027-04-20T01:40:00.000Z' },
    { applicationId: '01JAPP00000000000000000001', organisationName: '福州示范精密制造有限公司', order: 2, start: '2027-04-20T01:40:00.000Z', end: '2027-04-20T02:20:00.000Z' },
  ],
  sequence: 0,
  version: 1,
  updatedAt: '2026-12-06T02:00:00.000Z',
  ...over,
});

export const ICS = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:PUBLISH\r\nEND:VCALENDAR\r\n';
