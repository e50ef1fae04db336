/** An employer a pool member worked for, until a year (inclusive). */
export interface PastEmployer {
  readonly name: string;
  readonly creditCode?: string;
  /** The last calendar year they worked there. */
  readonly untilYear: number;
}

/** The roles a pool holds: experts (专家库), deliberators (审议员库) and supervisors (监督员库). */
export const POOL_ROLES = ['expert', 'deliberator', 'supervisor'] as const;
/** A pool's role. */
export type PoolRole = (typeof POOL_ROLES)[number];

/**
 * What matching needs to know of a pool member besides name, email, role and
 * employer name (kept on the person): the employer's unified social credit
 * code, past employers with years, title, fields, district, phone, and
 * whether they are drawn at all.
 */
export interface PoolProfile {
  readonly creditCode?: string;
  readonly pastEmployers: readonly PastEmployer[];
  /** 职称 / 资格 as written. */
  readonly title?: string;
  /** GB/T 4754-2017 section letters. */
  readonly fields: readonly string[];
  readonly district?: string;
  readonly phone?: string;
  /** In the pool (在库) or set aside (停用): only active members are drawn. */
  readonly active: boolean;
}
