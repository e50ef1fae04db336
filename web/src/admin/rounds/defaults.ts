// The round settings the office's form shows come from shared/round's plain defaults module, which has no
// schema or catalogue behind it (the server validates anyway).
export { ROUND_DATE_FIELDS as DATE_FIELDS, SETTING_DEFAULTS as FORM_DEFAULTS, type RoundDateField as DateField } from '../../../../shared/round/setting-defaults';
