/** Everyone who can sign in, per ARCHITECTURE.md "Identity and access". */
export const ROLES = ['applicant', 'expert', 'deliberator', 'supervisor', 'admin'] as const;
/** A role a session is bound to. */
export type Role = (typeof ROLES)[number];
/** Roles the award office hands out by invitation (applicants register themselves). */
export const INVITED_ROLES = ['expert', 'deliberator', 'supervisor', 'admin'] as const satisfies readonly Role[];
/** A role that is given by invitation. */
export type InvitedRole = (typeof INVITED_ROLES)[number];
