import assert from 'node:assert/strict';
import {
  newDraft,
  withPendingEdit,
  withoutPendingEdit,
  type Answer,
  type Report,
} from '../../src/report/report';

const purpose = (text: string): Answer => ({ type: 'longText', text });
const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 10, minute));

describe('report: edits waiting for confirmation', () => {
  const posted: Report = {
    ...newDraft('r1', { id: 'aad-1', name: 'Noor Jacobs' }, 'nl', at(0)),
    status: 'posted' as const,
  };

  it('keeps each chat’s edit apart, and removes only the one confirmed or cancelled', () => {
    const both = withPendingEdit(
      withPendingEdit(posted, 'chat-a', 'purpose', purpose('A'), at(1)),
      'chat-b',
      'locations',
      purpose('B'),
      at(2),
    );
    assert.deepEqual(Object.keys(both.pendingEdits ?? {}).sort(), ['chat-a', 'chat-b']);
    const left = withoutPendingEdit(both, 'chat-a');
    assert.deepEqual(Object.keys(left.pendingEdits ?? {}), ['chat-b']);
    assert.equal(withoutPendingEdit(left, 'chat-b').pendingEdits, undefined, 'none left: gone');
  });

  it('replaces an edit given again, and drops the oldest of too many abandoned ones', () => {
    let report = posted;
    for (let minute = 1; minute <= 7; minute++) {
      report = withPendingEdit(
        report,
        `edit-${minute}`,
        'purpose',
        purpose(`${minute}`),
        at(minute),
      );
    }
    assert.deepEqual(Object.keys(report.pendingEdits ?? {}).sort(), [
      'edit-3',
      'edit-4',
      'edit-5',
      'edit-6',
      'edit-7',
    ]);
    report = withPendingEdit(report, 'edit-7', 'purpose', purpose('again'), at(8));
    assert.equal(Object.keys(report.pendingEdits ?? {}).length, 5);
    assert.deepEqual(report.pendingEdits?.['edit-7']?.answer, purpose('again'));
  });
});
