import * as v from 'valibot';
import { DOCUMENT_NAME_ISSUE, documentNameProblem } from './document-name-rules';

export * from './document-name-rules';

/**
 * A document's file name at the door: trimmed, well-formed Unicode, no
 * control or bidirectional-override characters, no path separators, at most
 * 255 UTF-8 bytes; stored in NFC so one name has one spelling.
 */
export const DocumentNameSchema = v.pipe(
  v.string(),
  v.trim(),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const problem = documentNameProblem(dataset.value);
    if (problem) addIssue({ message: `${DOCUMENT_NAME_ISSUE}:${problem}` });
  }),
  v.transform((name) => name.normalize('NFC')),
);
