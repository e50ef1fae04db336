// The public portal's chunk (issue #14 part 2): a programme's page, a round's call, the command-line check.
export { CallPage } from './CallPage';
export { ProgrammePage } from './ProgrammePage';
export { VerifyPage } from './VerifyPage';
