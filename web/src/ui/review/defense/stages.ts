import { ROUND_STAGES } from '../../../../../shared/stages/round';

const FROM_ON_SITE = new Set(ROUND_STAGES.slice(ROUND_STAGES.indexOf('onSite')));

/** True once a round's defense panel exists: from the on-site evaluation on (the panel is formed then), and after the defense too, for the record. */
export const showsDefensePanel = (roundStage: string) => FROM_ON_SITE.has(roundStage as (typeof ROUND_STAGES)[number]);
