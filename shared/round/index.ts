export { defaultRoundConfig, ROUND_DEFAULTS, type DefaultRoundOptions } from './defaults';
export { CONFIG_ISSUE_CODES, parseRoundConfig, type ConfigIssue, type ConfigIssueCode, type ParseRoundConfigResult } from './parse';
export { ROUND_DATE_FIELDS, RoundConfigSchema, type RoundConfig, type RoundConfigInput, type RoundDateField, type RoundDates, type RoundWeights } from './schema';
