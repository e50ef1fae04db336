// The English of ./report.ts, loaded when a reader chooses English (the same catalogues, in the same order).
import report from '../../../shared/messages/ui-report?lang=en';

export default [report];
