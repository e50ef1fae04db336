import { isMessageKey } from '../../../../shared/messages/registry';
import type { Translate } from '../../i18n';
import '../../texts/terms';

/** The name of a round's stage in the reader's language (the stage id itself when the catalogue has none). */
export function stageName(t: Translate, stage: string): string {
  const key = `domain.stage.${stage}`;
  return isMessageKey(key) ? t(key) : stage;
}

/** Where the office's pages of a round are. */
export const roundHref = {
  page: (roundId: string) => `/admin/rounds/${encodeURIComponent(roundId)}`,
  board: (roundId: string) => `/office/rounds/${encodeURIComponent(roundId)}`,
  supervise: (roundId: string) => `/supervise/rounds/${encodeURIComponent(roundId)}`,
} as const;

/** A department as people name it: the catalogue's name of a known id (credit → 信用主管部门), else the name the office typed. */
export function departmentName(t: Translate, department: string): string {
  const key = `domain.department.${department}`;
  return isMessageKey(key) ? t(key) : department;
}
