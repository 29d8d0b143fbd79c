// Every card the bot can send, rendered from one set of answers and names: the card tests fill it
// with ordinary, hostile or maximum-length text.
import { answeredCardData, renderAnsweredCard } from '../../src/cards/answeredCard';
import { choiceCardData, renderChoiceCard } from '../../src/cards/choiceCard';
import { deleteDraftCardData, renderDeleteDraftCard } from '../../src/cards/deleteDraftCard';
import { formCardData, renderFormCard } from '../../src/cards/formCard';
import { helpCardData, renderHelpCard } from '../../src/cards/helpCard';
import { helpLines } from '../../src/dialogs/commands';
import { editConfirmCardData, renderEditConfirmCard } from '../../src/cards/editConfirmCard';
import {
  fileConsentAnsweredCardData,
  renderFileConsentAnsweredCard,
} from '../../src/cards/fileConsentAnsweredCard';
import { myReportsCardData, renderMyReportsCard } from '../../src/cards/myReportsCard';
import { postedCardData, renderPostedCard } from '../../src/cards/postedCard';
import { questionCardData, renderQuestionCard } from '../../src/cards/questionCard';
import { reminderCardData, renderReminderCard } from '../../src/cards/reminderCard';
import { nudgeCardData, renderNudgeCard } from '../../src/cards/nudgeCard';
import { renderChannelCard } from '../../src/cards/reportCard';
import { renderResumeCard, resumeCardData } from '../../src/cards/resumeCard';
import { renderSameTripCard, sameTripCardData } from '../../src/cards/sameTripCard';
import type { SameTripRecord } from '../../src/report/sameTrip';
import { renderReviewCard, reviewCardData } from '../../src/cards/reviewCard';
import type { AdaptiveCard } from '../../src/cards/template';
import type { Catalogue } from '../../src/report/catalogue';
import type { Locale } from '../../src/report/locale';
import { newDraft, withAnswer, withEdit, type Answer, type Report } from '../../src/report/report';
import { reportView } from '../../src/report/reportView';
import { postedAt } from '../support/reportPosts';

/** What the cards are filled with: the answers, and the names that come from Teams. */
export interface CardFixture {
  catalogue: Catalogue;
  answers: Record<string, Answer>;
  travellerName: string;
  teamName: string;
  channelName: string;
  /** The Word file's name, as built from the title. */
  fileName: string;
  /** A refused input, shown again on each question's card. */
  rejected: Record<string, string>;
}

/** A card with what it is, for assertion messages. */
export interface NamedCard {
  name: string;
  card: AdaptiveCard;
}

const now = new Date('2026-11-20T10:00:00Z');

/** The traveller's Teams user id in the fixtures' personal chat, as Teams gives it (`29:…`). */
export const TRAVELLER_TEAMS_ID =
  '29:1GcS4EyB_oSI8A88XmWBN7NJFyMqe3QGnJdgLfFGkJnVelzRGos0bPbpsfJjcbAD22bmKc4GMbrY2xmW1_pnkmg';

/** A draft with the fixture's answers to `keys` (all by default), in `locale`. */
export function draftOf(fixture: CardFixture, locale: Locale, keys?: string[]): Report {
  const traveller = { id: 'aad-1', name: fixture.travellerName, tenantId: 't' };
  let report = newDraft('report-9', traveller, locale, now);
  for (const key of keys ?? Object.keys(fixture.answers)) {
    const answer = fixture.answers[key];
    if (answer) report = withAnswer(report, key, answer, now);
  }
  return report;
}

/** The report posted in the fixture's team and channel, then changed once (version 2). */
export function postedOf(fixture: CardFixture, locale: Locale): Report {
  const written = draftOf(fixture, locale);
  // Written in the traveller's personal chat: the channel card @mentions them by their Teams id.
  const chat = {
    conversationId: 'a:1personal-chat',
    serviceUrl: 'https://smba.example/',
    userId: TRAVELLER_TEAMS_ID,
    userName: fixture.travellerName,
    aadObjectId: 'aad-1',
  };
  const posted = postedAt(
    { ...written, chat },
    {
      conversationId: '19:c1@thread.tacv2;messageid=1700000000000',
      activityId: '1700000000000',
      serviceUrl: 'https://smba.example/',
      channelId: '19:c1@thread.tacv2',
      teamName: fixture.teamName,
      channelName: fixture.channelName,
      teamAadGroupId: '00000000-0000-0000-0000-000000000031',
      postedAt: now.toISOString(),
      syncedVersion: 1,
    },
  );
  const [key, answer] = Object.entries(fixture.answers)[0] ?? [];
  if (!key || !answer) return posted;
  return withEdit(posted, key, answer, fixture.travellerName, now);
}

/** Every card the bot can send, in Dutch and English, filled from the fixture. */
export function everyCard(fixture: CardFixture): NamedCard[] {
  const { catalogue, answers } = fixture;
  const cards: NamedCard[] = [];
  const add = (name: string, card: AdaptiveCard) => cards.push({ name, card });
  for (const locale of ['nl', 'en'] as Locale[]) {
    const draft = draftOf(fixture, locale);
    const posted = postedOf(fixture, locale);
    const titleOnly = draftOf(fixture, locale, ['title']);
    for (const question of catalogue.questions) {
      const answer = answers[question.key];
      add(
        `question ${question.key} (${locale})`,
        renderQuestionCard(questionCardData(catalogue, question, draft, locale, '2026-11-20')),
      );
      add(
        `question ${question.key} refused (${locale})`,
        renderQuestionCard(
          questionCardData(
            catalogue,
            question,
            draftOf(fixture, locale, []),
            locale,
            '2026-11-20',
            {
              error: 'Dit klopt niet.',
              fields: fixture.rejected,
            },
          ),
        ),
      );
      if (!answer) continue;
      add(
        `answered ${question.key} (${locale})`,
        renderAnsweredCard(answeredCardData(catalogue, question, answer, locale)),
      );
      add(
        `edit confirmation ${question.key} (${locale})`,
        renderEditConfirmCard(
          editConfirmCardData('report-9', question, answer, answer, locale, 'edit-1'),
        ),
      );
    }
    add(`review (${locale})`, renderReviewCard(reviewCardData(reportView(draft, catalogue))));
    add(`form (${locale})`, renderFormCard(formCardData(catalogue, draft, locale, '2026-11-20')));
    add(
      `form refused (${locale})`,
      renderFormCard(
        formCardData(catalogue, draftOf(fixture, locale, []), locale, '2026-11-20', {
          // Every question refused, each input as long as the fixture's refused input.
          fields: Object.fromEntries(
            catalogue.questions.map((question) => [question.key, fixture.rejected]),
          ),
          errors: Object.fromEntries(
            catalogue.questions.map((question) => [question.key, 'Dit klopt niet.']),
          ),
        }),
      ),
    );
    add(`channel card (${locale})`, renderChannelCard(posted, catalogue));
    add(
      `resume (${locale})`,
      renderResumeCard(resumeCardData(reportView(titleOnly, catalogue, locale))),
    );
    add(`reminder (${locale})`, renderReminderCard(reminderCardData(titleOnly, catalogue)));
    const announced: Report = {
      ...draft,
      announced: {
        at: draft.updatedAt,
        returnDate: '2026-11-20',
        nudge: { sentAt: [], postponed: 0 },
      },
    };
    add(`nudge (${locale})`, renderNudgeCard(nudgeCardData(announced, catalogue)));
    add(
      `last nudge (${locale})`,
      renderNudgeCard(
        nudgeCardData(
          {
            ...announced,
            announced: { ...announced.announced!, nudge: { sentAt: [], postponed: 2 } },
          },
          catalogue,
        ),
      ),
    );
    add(
      `reminder without title (${locale})`,
      renderReminderCard(reminderCardData(draftOf(fixture, locale, []), catalogue)),
    );
    add(
      `delete draft (${locale})`,
      renderDeleteDraftCard(deleteDraftCardData(titleOnly, catalogue, locale)),
    );
    add(
      `choice (${locale})`,
      renderChoiceCard(
        choiceCardData({
          message: 'In welk team?',
          field: 'teamId',
          options: [
            { title: `${fixture.teamName} › ${fixture.channelName}`, value: 'a' },
            { title: 'Economie', value: 'b' },
          ],
          submit: { title: 'Plaatsen', data: { action: 'chooseTeam', reportId: 'report-9' } },
          locale,
        }),
      ),
    );
    add(
      `choice as a drop-down (${locale})`,
      renderChoiceCard(
        choiceCardData({
          message: 'In welk team?',
          field: 'teamId',
          options: ['a', 'b', 'c', 'd', 'e'].map((value) => ({
            title: `${fixture.teamName} ${value} › ${fixture.channelName}`,
            value,
          })),
          submit: { title: 'Plaatsen', data: { action: 'chooseTeam', reportId: 'report-9' } },
          locale,
        }),
      ),
    );
    add(`posted (${locale})`, renderPostedCard(postedCardData(posted, locale)));
    const trip = (reportId: string): SameTripRecord => ({
      colleagueId: '1a2b3c4d-0000-4000-8000-00000000000b',
      reportId,
      reportVersion: 1,
      travellerId: 'aad-1',
      travellerName: fixture.travellerName,
      tenantId: 't',
      title: answers.title?.type === 'shortText' ? answers.title.text : '',
      destination: answers.destination?.type === 'shortText' ? answers.destination.text : '',
      departure: '2026-10-12',
      return: '2026-10-14',
      endsOn: '2026-10-14',
      post: {
        channelId: '19:c1@thread.tacv2',
        activityId: '1700000000000',
        postedAt: now.toISOString(),
        teamName: fixture.teamName,
        channelName: fixture.channelName,
      },
      postedAt: now.toISOString(),
    });
    add(`same trip (${locale})`, renderSameTripCard(sameTripCardData([trip('r1')], locale)));
    add(
      `same trip, several reports (${locale})`,
      renderSameTripCard(
        sameTripCardData([trip('r1'), trip('r2'), trip('r3'), trip('r4')], locale),
      ),
    );
    add(
      `my reports (${locale})`,
      renderMyReportsCard(myReportsCardData([posted, titleOnly], catalogue, locale)),
    );
    for (const draftId of [undefined, 'report-9']) {
      add(
        `help${draftId ? ' with a draft' : ''} (${locale})`,
        renderHelpCard(helpCardData(locale, helpLines(locale), draftId)),
      );
    }
    for (const outcome of ['saved', 'failed', 'declined'] as const) {
      add(
        `file consent answered: ${outcome} (${locale})`,
        renderFileConsentAnsweredCard(
          fileConsentAnsweredCardData(fixture.fileName, outcome, locale),
        ),
      );
    }
  }
  return cards;
}

/** Every object in a card, parents before children. */
export function elementsOf(
  node: unknown,
  found: Record<string, unknown>[] = [],
): Record<string, unknown>[] {
  if (Array.isArray(node)) node.forEach((item) => elementsOf(item, found));
  else if (node && typeof node === 'object') {
    found.push(node as Record<string, unknown>);
    Object.values(node).forEach((child) => elementsOf(child, found));
  }
  return found;
}
