// Adding a question is a change of data only: the dialog tests run again on a copy of the
// catalogue with one more long-text question, once in the middle of the form and once at its end.
import { productCatalogue } from '../support/catalogue';
import { withExtraLongTextQuestion } from '../support/sampleAnswers';
import { editDialogTests } from './editDialog.test';
import { exportDialogTests } from './exportDialog.test';
import { mainDialogTests } from './mainDialog.test';
import { postReportDialogTests } from './postReportDialog.test';
import { reminderCommandsTests } from './reminderCommands.test';

for (const [afterKey, where] of [
  ['outcome', 'in the middle of the form'],
  [undefined, 'at the end of the form'],
] as const) {
  const catalogue = withExtraLongTextQuestion(productCatalogue, afterKey);
  const label = ` (a long-text question added ${where})`;
  mainDialogTests(catalogue, label);
  editDialogTests(catalogue, label);
  reminderCommandsTests(catalogue, label);
  postReportDialogTests(catalogue, label);
  exportDialogTests(catalogue, label);
}
