/**
 * Everyone who can sign in, per ARCHITECTURE.md "Identity and access", and the platform operator (issue #14): the body
 * hosting the deployment, which creates programmes and invites their first administrators and is named by no
 * programme route (it runs the platform; it does not judge awards).
 */
export const ROLES = ['applicant', 'expert', 'deliberator', 'supervisor', 'admin', 'operator'] as const;
/** A role a session is bound to. */
export type Role = (typeof ROLES)[number];
/** Roles the award office hands out by invitation (applicants register themselves). */
export const INVITED_ROLES = ['expert', 'deliberator', 'supervisor', 'admin'] as const satisfies readonly Role[];
/** A role that is given by invitation. */
export type InvitedRole = (typeof INVITED_ROLES)[number];
/** Roles within a programme: everyone but the platform operator. */
export const PROGRAMME_ROLES = ['applicant', 'expert', 'deliberator', 'supervisor', 'admin'] as const satisfies readonly Role[];
