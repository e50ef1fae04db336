/** The file name of a chain's export (`audit-<scope>.jsonl`); apart from head.ts so a page naming it loads no chain code. */
export const exportFileName = (scope: string) => `audit-${scope.replace(/[^\w.-]+/g, '-')}.jsonl`;
