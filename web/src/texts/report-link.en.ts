// The English of ./report-link.ts, loaded when a reader chooses English.
import link from '../../../shared/messages/ui-report?only=report.link&lang=en';

export default [link];
