import type { Role } from '../../../shared/api';

/** The area each role lands in after signing in. */
export const AREA_OF_ROLE = {
  applicant: '/apply',
  expert: '/review',
  deliberator: '/review',
  supervisor: '/supervise',
  admin: '/admin',
  operator: '/operator',
} as const satisfies Record<Role, string>;

/** The areas a role may open (the office may also read the supervisors' workspace; supervisors read the applications). */
export const AREAS_OF_ROLE = {
  applicant: ['/apply'],
  expert: ['/review'],
  deliberator: ['/review'],
  supervisor: ['/supervise', '/office'],
  admin: ['/admin', '/office', '/supervise'],
  operator: ['/operator'],
} as const satisfies Record<Role, readonly (keyof typeof AREA_LABEL)[]>;

/** The navigation label of each area. */
export const AREA_LABEL = {
  '/apply': 'nav.apply',
  '/review': 'nav.review',
  '/supervise': 'nav.supervise',
  '/admin': 'nav.admin',
  '/office': 'nav.office',
  '/operator': 'nav.operator',
} as const;
