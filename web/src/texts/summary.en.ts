// The English of ./summary.ts, loaded when a reader chooses English (the same catalogues, in the same order).
import summary from '../../../shared/messages/ui-report?only=summary.,report.step.,report.col.,report.stage.,report.dist.,report.bands.,report.range,report.funnel.,report.chart.&lang=en';

export default [summary];
