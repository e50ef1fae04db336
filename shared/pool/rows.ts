import { validateCreditCode } from '../eligibility/credit-code';
import { industrySectionOf } from './industries';
import type { PastEmployer, PoolProfile, PoolRole } from './profile';
import { cellText } from './text';

/** A person as a pool file describes them. */
export interface PoolPerson {
  readonly email: string;
  readonly name: string;
  readonly role: PoolRole;
  /** The current employer's name. */
  readonly organisation?: string;
  readonly profile: PoolProfile;
}

/** What is wrong with one cell or row (a catalogue key `pool.problem.<code>` names it in both languages). */
export interface RowProblem {
  readonly code:
    | 'nameMissing'
    | 'emailInvalid'
    | 'emailRepeated'
    | 'roleUnknown'
    | 'creditCodeInvalid'
    | 'pastEmployerInvalid'
    | 'fieldUnknown'
    | 'statusUnknown'
    | 'tooLong';
  /** The column's header as the file writes it. */
  readonly column: string;
  /** The cell as written (cut to 60 characters). */
  readonly value: string;
  /** For emailRepeated: the line where the address first appears. */
  readonly firstRow?: number;
}

/** One data row of the file: its line in the spreadsheet (the header is line 1), the person it describes, its problems. */
export interface PoolRow {
  readonly line: number;
  readonly person?: PoolPerson;
  readonly problems: readonly RowProblem[];
}

/** A problem of the whole file (catalogue key `pool.file.<code>`). */
export interface FileProblem {
  readonly code: 'empty' | 'columnMissing' | 'tooManyRows' | 'unreadable';
  readonly column?: string;
  readonly max?: number;
}

/** The columns of a pool file: the header each export writes first, then the other headers read as the same column. */
export const POOL_COLUMNS = {
  name: ['姓名', 'name'],
  email: ['邮箱', '电子邮箱', 'email', 'e-mail'],
  role: ['库别', '角色', 'role', 'pool'],
  organisation: ['工作单位', '单位', 'employer', 'organisation', 'organization'],
  creditCode: ['单位统一社会信用代码', '统一社会信用代码', '信用代码', 'credit code', 'employer credit code'],
  pastEmployers: ['曾任职单位', 'past employers'],
  title: ['职称/资格', '职称', '资格', 'title'],
  fields: ['专业领域', '领域', '行业', 'fields', 'industries'],
  district: ['所在区县', '区县', 'district'],
  phone: ['电话', '手机', 'phone'],
  status: ['状态', 'status'],
} as const;

/** A column of a pool file. */
export type PoolColumn = keyof typeof POOL_COLUMNS;

/** The most rows one import takes. */
export const MAX_POOL_ROWS = 2000;

const ROLE_WORDS: Record<string, PoolRole> = {
  专家: 'expert', 评审专家: 'expert', 专家库: 'expert', expert: 'expert', experts: 'expert',
  审议员: 'deliberator', 审议员库: 'deliberator', deliberator: 'deliberator', deliberators: 'deliberator',
  监督员: 'supervisor', 评审监督员: 'supervisor', 监督员库: 'supervisor', supervisor: 'supervisor', supervisors: 'supervisor',
};
const ACTIVE_WORDS: Record<string, boolean> = { 在库: true, 启用: true, 有效: true, 是: true, active: true, yes: true, 停用: false, 暂停: false, 否: false, inactive: false, no: false };
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const LIST = /[、,，;；\/\s]+/;

/** Which column each header names (case and spaces ignored); unknown headers are ignored. */
function columnsOf(header: readonly string[]): Map<PoolColumn, number> {
  const found = new Map<PoolColumn, number>();
  header.forEach((h, i) => {
    const key = cellText(h).replace(/\s+/g, ' ').toLowerCase();
    for (const [column, names] of Object.entries(POOL_COLUMNS) as [PoolColumn, readonly string[]][]) {
      if (!found.has(column) && names.some((n) => n.toLowerCase() === key)) found.set(column, i);
    }
  });
  return found;
}

// Past employers: `名称|信用代码|截至年份` or `名称|截至年份`, several separated by ；or ; (the export writes the same).
function pastEmployersOf(cell: string): PastEmployer[] | undefined {
  if (cell === '') return [];
  const out: PastEmployer[] = [];
  for (const part of cell.split(/[;；]/).map((p) => p.trim()).filter(Boolean)) {
    const bits = part.split('|').map((b) => b.trim());
    const year = Number(bits[bits.length - 1]);
    if (bits.length < 2 || bits.length > 3 || !bits[0] || !Number.isInteger(year) || year < 1950 || year > 2100) return undefined;
    const code = bits.length === 3 ? bits[1]!.toUpperCase() : '';
    if (code !== '' && !validateCreditCode(code).ok) return undefined;
    out.push({ name: bits[0], ...(code ? { creditCode: code } : {}), untilYear: year });
  }
  return out;
}

/**
 * Reads a pool file's rows (the first is the header) into people, naming every
 * problem of every row, so the office sees them all before anything is
 * written. `defaultRole` is the pool imported into when the file has no role column.
 */
export function readPoolRows(rows: readonly (readonly string[])[], defaultRole: PoolRole = 'expert'): { rows: PoolRow[]; fileProblems: FileProblem[] } {
  if (rows.length < 2) return { rows: [], fileProblems: [{ code: 'empty' }] };
  const header = rows[0]!;
  const cols = columnsOf(header);
  const missing = (['name', 'email'] as const).filter((c) => !cols.has(c));
  if (missing.length > 0) return { rows: [], fileProblems: missing.map((c) => ({ code: 'columnMissing' as const, column: POOL_COLUMNS[c][0] })) };
  if (rows.length - 1 > MAX_POOL_ROWS) return { rows: [], fileProblems: [{ code: 'tooManyRows', max: MAX_POOL_ROWS }] };
  const firstLineOf = new Map<string, number>();
  const out = rows.slice(1).map((cells, i): PoolRow => {
    const line = i + 2;
    const problems: RowProblem[] = [];
    const get = (c: PoolColumn) => (cols.has(c) ? cellText(cells[cols.get(c)!] ?? '') : '');
    const header_ = (c: PoolColumn) => cellText(header[cols.get(c)!] ?? POOL_COLUMNS[c][0]);
    const problem = (code: RowProblem['code'], c: PoolColumn, extra: Partial<RowProblem> = {}) =>
      problems.push({ code, column: header_(c), value: get(c).slice(0, 60), ...extra });

    const name = get('name');
    if (name === '') problem('nameMissing', 'name');
    const email = get('email').toLowerCase();
    if (!EMAIL.test(email) || email.length > 254) problem('emailInvalid', 'email');
    else if (firstLineOf.has(email)) problem('emailRepeated', 'email', { firstRow: firstLineOf.get(email)! });
    else firstLineOf.set(email, line);
    const roleCell = get('role');
    const role = roleCell === '' ? defaultRole : ROLE_WORDS[roleCell.toLowerCase()];
    if (!role) problem('roleUnknown', 'role');
    const creditCode = get('creditCode').toUpperCase();
    if (creditCode !== '' && !validateCreditCode(creditCode).ok) problem('creditCodeInvalid', 'creditCode');
    const past = pastEmployersOf(get('pastEmployers'));
    if (!past) problem('pastEmployerInvalid', 'pastEmployers');
    const fields: string[] = [];
    for (const word of get('fields').split(LIST).filter(Boolean)) {
      const section = industrySectionOf(word);
      if (!section) problems.push({ code: 'fieldUnknown', column: header_('fields'), value: word.slice(0, 60) });
      else if (!fields.includes(section)) fields.push(section);
    }
    const statusCell = get('status');
    const active = statusCell === '' ? true : ACTIVE_WORDS[statusCell.toLowerCase()];
    if (active === undefined) problem('statusUnknown', 'status');
    for (const c of ['name', 'organisation', 'title', 'district', 'phone'] as const) if (get(c).length > 100) problem('tooLong', c);
    if (problems.length > 0) return { line, problems };
    const organisation = get('organisation');
    const title = get('title');
    const district = get('district');
    const phone = get('phone');
    return {
      line,
      problems,
      person: {
        email,
        name,
        role: role!,
        ...(organisation ? { organisation } : {}),
        profile: {
          ...(creditCode ? { creditCode } : {}),
          pastEmployers: past!,
          ...(title ? { title } : {}),
          fields,
          ...(district ? { district } : {}),
          ...(phone ? { phone } : {}),
          active: active!,
        },
      },
    };
  });
  return { rows: out, fileProblems: [] };
}

/** A CSV cell as Excel and WPS open it right: quoted when needed, a leading formula character neutralised, codes and phones kept as text. */
function csvCell(value: string, asText = false): string {
  if (asText && value !== '') return `"=""${value.replace(/"/g, '""""')}"""`;
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const ROLE_CELL: Record<PoolRole, string> = { expert: '评审专家', deliberator: '审议员', supervisor: '监督员' };

/** The pool as a CSV file the import reads back unchanged (UTF-8 with a byte order mark, Chinese headers). */
export function poolCsv(people: readonly PoolPerson[]): string {
  const header = (Object.keys(POOL_COLUMNS) as PoolColumn[]).map((c) => POOL_COLUMNS[c][0]);
  const lines = people.map((p) =>
    [
      csvCell(p.name),
      csvCell(p.email),
      csvCell(ROLE_CELL[p.role]),
      csvCell(p.organisation ?? ''),
      csvCell(p.profile.creditCode ?? '', true),
      csvCell(p.profile.pastEmployers.map((e) => [e.name, ...(e.creditCode ? [e.creditCode] : []), String(e.untilYear)].join('|')).join('；')),
      csvCell(p.profile.title ?? ''),
      csvCell(p.profile.fields.join('、')),
      csvCell(p.profile.district ?? ''),
      csvCell(p.profile.phone ?? '', true),
      csvCell(p.profile.active ? '在库' : '停用'),
    ].join(','),
  );
  return `\uFEFF${[header.join(','), ...lines].join('\r\n')}\r\n`;
}
