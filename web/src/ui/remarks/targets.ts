import type { RemarkTarget } from '../../../../shared/api/remarks';
import { isMessageKey } from '../../../../shared/messages/registry';
import { formatMoment } from '../../../../shared/messages/units';
import type { Locale } from '../../../../shared/messages/types';
import type { Translate } from '../../i18n';
import '../../texts/remarks';
import '../../texts/terms';

/** Names the page knows: person id → name, application id → organisation name. */
export interface KnownNames {
  readonly people: Readonly<Record<string, string>>;
  readonly organisations: Readonly<Record<string, string>>;
}

const stageName = (t: Translate, stage: string | undefined) => {
  const key = `domain.stage.${stage}`;
  return stage && isMessageKey(key) ? t(key) : '';
};

/**
 * The step a remark is about, as people read it: its kind, then the organisation, the stage, the expert, the
 * publication and its time in Beijing time — never the ids (an unknown organisation or person is left out).
 */
export function targetLabel(t: Translate, locale: Locale, target: RemarkTarget, names: KnownNames): string {
  const kind = t(`remarks.target.${target.kind}`);
  const parts: string[] = [];
  switch (target.kind) {
    case 'card':
    case 'assignment':
    case 'consensus': {
      const [applicationId = '', stage, reviewerId] = target.id.split('/');
      parts.push(names.organisations[applicationId] ?? '', stageName(t, stage), reviewerId ? (names.people[reviewerId] ?? '') : '');
      break;
    }
    case 'stageMove':
      parts.push(stageName(t, target.id));
      break;
    case 'publication': {
      const [kindOf = '', ...at] = target.id.split('/');
      const key = `remarks.publication.${kindOf}`;
      parts.push(isMessageKey(key) ? t(key) : '', formatMoment(at.join('/'), locale));
      break;
    }
    case 'round':
      break;
  }
  return [kind, ...parts.filter(Boolean)].join(' · ');
}

export { remarkTargetOf } from './entry-target';
