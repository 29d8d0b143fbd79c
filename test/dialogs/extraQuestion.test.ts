// Adding a question is a change of data only: the dialog tests run again on a copy of the
// catalogue with one more long-text question, once in the middle of the form and once at its end.
import { productCatalogue } from '../support/catalogue';
import { withExtraLongTextQuestion } from '../support/sampleAnswers';
import { editDialogTests } from './editDialog.test';
import { exportDialogTests } from './exportDialog.test';
import { formDialogTests } from './formDialog.test';
import { mainDialogTests } from './mainDialog.test';
import { postReportDialogTests } from './postReportDialog.test';
import { reminderCommandsTests } from './reminderCommands.test';

for (const [afterKey, where] of [
  ['outcome', 'in the middle of the form'],
  [undefined, 'at the end of the form'],
] as const) {
  const catalogue = withExtraLongTextQuestion(productCatalogue, afterKey);
  describe(`The dialogs with a long-text question added ${where}`, function () {
    describe('MainDialog: the interview in the personal chat', function () {
      mainDialogTests(catalogue);
    });
    describe('EditDialog: changing a posted report by chat', function () {
      editDialogTests(catalogue);
    });
    describe('Reminders and drafts in the personal chat', function () {
      reminderCommandsTests(catalogue);
    });
    describe("PostReportDialog: only the traveller's own teams", function () {
      postReportDialogTests(catalogue);
    });
    describe('ExportDialog: a posted report as a Word file', function () {
      exportDialogTests(catalogue);
    });
    describe('FormDialog: the whole form on one card', function () {
      formDialogTests(catalogue);
    });
  });
}
