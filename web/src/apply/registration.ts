import { ORGANISATION_SIZES, type OrganisationSize } from '../../../shared/api/application-constants';
import { validateCreditCode } from '../../../shared/eligibility/credit-code';
import type { MessageKey } from '../../../shared/messages';
import '../texts/apply';

/** The organisation fields of the registration form, as typed. */
export interface OrganisationFields {
  name: string;
  creditCode: string;
  district: string;
  industry: string;
  size: OrganisationSize | '';
  address: string;
  legalRepresentative: string;
  contactPerson: string;
  phone: string;
  email: string;
}

/** The self-declarations, as typed (the round's checklist decides which are asked). */
export interface DeclarationFields {
  legalPerson: boolean;
  establishedOn: string;
  noMajorIncident: boolean;
  incidents: { date: string; kind: 'quality' | 'safety' | 'environment' }[];
  noSeriousPenalty: boolean;
  penalties: string[];
  goodCreditRecord: boolean;
  appliesPerformanceExcellence: boolean;
  wonBefore: boolean;
  roundsSinceLastWin: string;
}

/** A problem with one field: a catalogue key and its parameters. */
export interface FieldProblem {
  readonly key: MessageKey;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** The fields a problem can point at (`incident.0`, `penalty.1` for list entries). */
export type Problems = Partial<Record<string, FieldProblem>>;

/** An empty form. */
export function emptyOrganisation(): OrganisationFields {
  return { name: '', creditCode: '', district: '', industry: '', size: '', address: '', legalRepresentative: '', contactPerson: '', phone: '', email: '' };
}

/** Declarations before the applicant answers. */
export function emptyDeclarations(): DeclarationFields {
  return {
    legalPerson: false,
    establishedOn: '',
    noMajorIncident: false,
    incidents: [],
    noSeriousPenalty: false,
    penalties: [],
    goodCreditRecord: false,
    appliesPerformanceExcellence: false,
    wonBefore: false,
    roundsSinceLastWin: '',
  };
}

const MAX: Readonly<Record<keyof OrganisationFields, number>> = {
  name: 200,
  creditCode: 18,
  district: 50,
  industry: 100,
  size: 10,
  address: 300,
  legalRepresentative: 100,
  contactPerson: 100,
  phone: 30,
  email: 254,
};

/** The longest value of each text field (the API's limits). */
export const FIELD_MAX = MAX;

const PHONE = /^[0-9+\-() ]{5,30}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What the credit code field says while typing: nothing yet, valid, or why not (GB 32100-2015). */
export function creditCodeHint(value: string): FieldProblem | 'valid' | null {
  if (value.trim() === '') return null;
  const result = validateCreditCode(value);
  if (result.ok) return 'valid';
  return { key: result.error.reason, params: result.error.details };
}

/** Checks the form in the browser with the API's rules, so mistakes are shown before anything is sent. */
export function validateRegistration(org: OrganisationFields, decl: DeclarationFields, kinds: ReadonlySet<string>): Problems {
  const problems: Problems = {};
  for (const field of Object.keys(MAX) as (keyof OrganisationFields)[]) {
    const value = org[field].trim();
    if (value === '') problems[field] = { key: 'register.error.required' };
    else if ([...value].length > MAX[field] && field !== 'creditCode') problems[field] = { key: 'register.error.tooLong', params: { max: MAX[field] } };
  }
  if (!problems.creditCode) {
    const hint = creditCodeHint(org.creditCode);
    if (hint && hint !== 'valid') problems.creditCode = hint;
  }
  if (!problems.phone && !PHONE.test(org.phone.trim())) problems.phone = { key: 'register.error.phone' };
  if (!problems.email && !EMAIL.test(org.email.trim())) problems.email = { key: 'register.error.email' };
  if (!problems.size && !(ORGANISATION_SIZES as readonly string[]).includes(org.size)) problems.size = { key: 'register.error.required' };
  if (!DATE.test(decl.establishedOn)) problems.establishedOn = { key: 'register.error.date' };
  else if (decl.establishedOn > new Date().toISOString().slice(0, 10)) problems.establishedOn = { key: 'register.error.future' };
  if (kinds.has('noMajorIncident') && !decl.noMajorIncident) {
    if (decl.incidents.length === 0) problems.incidents = { key: 'register.error.declareOrList' };
    decl.incidents.forEach((incident, i) => {
      if (!DATE.test(incident.date)) problems[`incident.${i}`] = { key: 'register.error.date' };
    });
  }
  if (kinds.has('noSeriousPenalty') && !decl.noSeriousPenalty) {
    if (decl.penalties.length === 0) problems.penalties = { key: 'register.error.declareOrList' };
    decl.penalties.forEach((date, i) => {
      if (!DATE.test(date)) problems[`penalty.${i}`] = { key: 'register.error.date' };
    });
  }
  if (kinds.has('notRecentWinner') && decl.wonBefore) {
    const rounds = Number(decl.roundsSinceLastWin);
    if (!Number.isInteger(rounds) || rounds < 1 || rounds > 100) problems.roundsSinceLastWin = { key: 'register.error.rounds' };
  }
  return problems;
}

/** The registration request body from the form (declarations the checklist does not ask are left out or false). */
export function registrationBody(roundId: string, org: OrganisationFields, decl: DeclarationFields, kinds: ReadonlySet<string>) {
  const trimmed = Object.fromEntries(Object.entries(org).map(([k, v]) => [k, v.trim()])) as unknown as OrganisationFields;
  return {
    roundId,
    organisation: { ...trimmed, creditCode: trimmed.creditCode.toUpperCase(), size: trimmed.size as OrganisationSize },
    declarations: {
      legalPerson: decl.legalPerson,
      establishedOn: decl.establishedOn,
      majorIncidents: kinds.has('noMajorIncident') && !decl.noMajorIncident ? decl.incidents : [],
      seriousPenalties: kinds.has('noSeriousPenalty') && !decl.noSeriousPenalty ? decl.penalties : [],
      goodCreditRecord: decl.goodCreditRecord,
      appliesPerformanceExcellence: decl.appliesPerformanceExcellence,
      ...(kinds.has('notRecentWinner') && decl.wonBefore ? { roundsSinceLastWin: Number(decl.roundsSinceLastWin) } : {}),
    },
  };
}
