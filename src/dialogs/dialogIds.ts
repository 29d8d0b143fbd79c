/** The ids of the bot's dialogs, one a dialog file. */
export const DialogIds = {
  main: 'mainDialog',
  interview: 'interviewDialog',
  review: 'reviewDialog',
  postReport: 'postReportDialog',
  edit: 'editDialog',
  export: 'exportDialog',
  sameTripNotice: 'sameTripNoticeDialog',
  announce: 'announceDialog',
  form: 'formDialog',
} as const;
