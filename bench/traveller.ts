// A simulated traveller: writes one whole report in the personal chat, as Teams delivers it
// (`nieuw verslag` typed, then each question's card submitted with its inputs filled in, then
// `Plaatsen in kanaal` on the review card), pressing the buttons of the cards the bot really sent
// (read back from the fake connector). Against the floor bot the same activities are sent.
import { randomUUID } from 'node:crypto';
import {
  cardSubmit,
  makeUser,
  personalConversationId,
  personalMessage,
  type TeamsUser,
} from '../test/support/activities';
import { productCatalogue } from '../test/support/catalogue';
import { sampleAnswer } from '../test/support/sampleAnswers';
import { httpRequest } from './children';
import { nowMs } from './clock';
import type { ConversationInfo } from './connector';

/** The interview's questions in order, by key: the product's catalogue, as the bot asks them. */
export const QUESTION_KEYS: readonly string[] = productCatalogue.questions.map(
  (question) => question.key,
);

type QuestionKey = string;

/** What a turn of the interview is: the first message, an answer, or posting the report. */
export type TurnKind = 'start' | 'answer' | 'post';

/** Turns a traveller takes: start, one answer a question, post. */
export const TURNS_PER_TRAVELLER = QUESTION_KEYS.length + 2;

/** One turn as the load driver measured it. */
export interface TurnTiming {
  /** 0 (start) … 10 (post). */
  step: number;
  kind: TurnKind;
  /** When the activity was sent (clock.ts), ms. */
  sentAt: number;
  /** From sending the activity to the bot's HTTP response (the bot answers after its turn). */
  httpMs: number;
  /** From sending the activity to the last call the bot made to the connector in this chat. */
  lastCallMs: number;
  /**
   * From sending the activity to the arrival at the connector of the new card the turn brought
   * (the next question, after an answer): what the traveller waits for. Absent without a new card.
   */
  nextCardMs?: number;
}

/** Where the traveller's turns go and where the bot's replies are read. */
export interface TravellerTarget {
  /** `http://127.0.0.1:<port>` of the bot or the floor. */
  botUrl: string;
  /** Base URL of the fake connector (its /__bench/ routes). */
  connectorUrl: string;
  /** The serviceUrl the activities carry: the connector's /teams/. */
  serviceUrl: string;
  tenantId: string;
  /** Check each reply is the card the interview should show next (the real bot only). */
  verify: boolean;
}

/** A traveller and their trip; `marker` is in the trip's title, to find the channel post. */
export interface TravellerPlan {
  user: TeamsUser;
  marker: string;
  answers: Record<QuestionKey, Record<string, string>>;
}

function isoDaysAgo(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(
    new Date(),
  );
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/** A traveller with a realistic trip (the size of the end-to-end tests' Lisbon trip). */
export function makeTraveller(marker: string, index: number): TravellerPlan {
  const answers: Record<QuestionKey, Record<string, string>> = {
    title: { answer: `Eurocities Climate Forum 2026 (${marker})` },
    destination: { answer: 'Lissabon, Portugal' },
    persons: { answer: String(1 + (index % 5)) },
    duration: { departure: isoDaysAgo(14), return: isoDaysAgo(12) },
    purpose: {
      answer:
        'Kennis opdoen over klimaatadaptatie in dichte wijken.\nContacten leggen met Portugese en Spaanse gemeenten.',
    },
    locations: { answer: 'Câmara Municipal de Lisboa\nHub Criativo do Beato' },
    peopleMet: {
      answer: 'Ana Costa (wethouder klimaat)\nRui Almeida (directeur stadsontwikkeling)',
    },
    outcome: { answer: 'Drie uitgewerkte voorbeelden van groene schoolpleinen.' },
    followUp: {
      choice: 'yes',
      answer: 'in januari een online sessie met de stad Lissabon over hittestress',
    },
  };
  // A question the trip does not know: its answer type's sample.
  for (const question of productCatalogue.questions) {
    answers[question.key] ??= sampleAnswer(question).inputs;
  }
  return { user: makeUser(`Reiziger ${index + 1} ${marker}`), marker, answers };
}

/** A unique marker for a traveller of a run. */
export function travellerMarker(runId: string, round: string, index: number): string {
  const slug = round
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `BENCH-${runId}-${slug}-${index + 1}`;
}

/** A short id for a bench run. */
export function newRunId(): string {
  return randomUUID().slice(0, 8);
}

type Element = Record<string, unknown>;

function walk(node: unknown, visit: (element: Element) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, visit);
  } else if (node !== null && typeof node === 'object') {
    visit(node as Element);
    for (const child of Object.values(node)) walk(child, visit);
  }
}

/** The card of a sent activity, if it has one. */
function cardOf(activity: Record<string, unknown> | undefined): Element | undefined {
  const attachments = activity?.attachments as
    { contentType?: string; content?: Element }[] | undefined;
  return attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
    ?.content;
}

interface Button {
  data: Record<string, unknown>;
  associatedInputs?: unknown;
}

function buttonsOf(card: Element): Button[] {
  const buttons: Button[] = [];
  walk([card.body, card.actions], (element) => {
    if (element.type === 'Action.Submit') {
      buttons.push({
        data: (element.data ?? {}) as Record<string, unknown>,
        associatedInputs: element.associatedInputs,
      });
    }
  });
  return buttons;
}

function inputsOf(card: Element): Map<string, Element> {
  const inputs = new Map<string, Element>();
  walk(card.body, (element) => {
    if (typeof element.type === 'string' && element.type.startsWith('Input.')) {
      inputs.set(String(element.id), element);
    }
  });
  return inputs;
}

/**
 * What Teams sends when the button whose data has `action` is pressed with `typed` filled in: the
 * button's data with every input that has a value (typed or prefilled), all as strings.
 */
function press(
  card: Element,
  action: string,
  typed: Record<string, string>,
): Record<string, unknown> | undefined {
  const button = buttonsOf(card).find((candidate) => candidate.data.action === action);
  if (!button) return undefined;
  const values: Record<string, string> = {};
  if (button.associatedInputs !== 'none') {
    for (const [id, input] of inputsOf(card)) {
      const value = typed[id] ?? (input.value === undefined ? '' : String(input.value));
      if (value !== '') values[id] = value;
    }
  }
  return { ...button.data, ...values };
}

/** Why a traveller could not finish. */
export class TravellerError extends Error {}

/**
 * Plays one traveller's whole report against `target`; calls `onTurn` after each turn and waits
 * about `thinkMs` before the next. Resolves when the report is posted (the floor: after the
 * last turn); rejects with a TravellerError saying which turn went wrong, or when `stopAt`
 * (clock.ts) has passed before a turn.
 */
export async function runTraveller(
  target: TravellerTarget,
  plan: TravellerPlan,
  onTurn: (timing: TurnTiming) => void | Promise<void>,
  stopAt = Infinity,
  thinkMs = 0,
): Promise<void> {
  const chatId = personalConversationId(plan.user.id);
  const infoUrl = `${target.connectorUrl}/__bench/conversation?id=${encodeURIComponent(chatId)}`;
  const env = { serviceUrl: target.serviceUrl, tenantId: target.tenantId, user: plan.user };
  let calls = 0;
  let card: Element | undefined;
  let cardId: string | undefined;
  let lastActivity: Record<string, unknown> | undefined;

  for (let step = 0; step < TURNS_PER_TRAVELLER; step += 1) {
    // A traveller reads the card and fills it in: on average `thinkMs`, never in lockstep.
    if (step > 0 && thinkMs > 0)
      await new Promise((r) => setTimeout(r, Math.random() * 2 * thinkMs));
    if (nowMs() > stopAt)
      throw new TravellerError(`stopped by the time limit before turn ${step + 1}`);
    const kind: TurnKind = step === 0 ? 'start' : step <= QUESTION_KEYS.length ? 'answer' : 'post';
    let activity;
    if (kind === 'start') {
      activity = personalMessage({ ...env, text: 'nieuw verslag' });
    } else {
      if (!card) throw new TravellerError(`turn ${step + 1}: the bot sent no card to press`);
      const key = QUESTION_KEYS[step - 1] as QuestionKey;
      const value =
        kind === 'answer'
          ? press(card, 'answer', plan.answers[key])
          : (press(card, 'post', {}) ??
            // The floor's card has no post button: the same action, with the card's report id.
            (target.verify
              ? undefined
              : { action: 'post', reportId: buttonsOf(card)[0]?.data.reportId ?? '' }));
      if (!value)
        throw new TravellerError(
          `turn ${step + 1}: the card has no button to ${kind === 'answer' ? `answer ${key}` : 'post'}`,
        );
      activity = cardSubmit({ ...env, value, ...(cardId ? { replyToId: cardId } : {}) });
    }

    const body = JSON.stringify(activity);
    const sentAt = nowMs();
    const answer = await httpRequest(`${target.botUrl}/api/messages`, { body });
    const answeredAt = nowMs();
    if (answer.status !== 200) {
      throw new TravellerError(
        `turn ${step + 1} (${kind}): the bot answered ${answer.status} ${answer.body.slice(0, 200)}`,
      );
    }
    const info = JSON.parse((await httpRequest(infoUrl)).body) as ConversationInfo;
    if (info.calls <= calls)
      throw new TravellerError(`turn ${step + 1} (${kind}): the bot sent nothing`);
    calls = info.calls;
    const newCard = info.lastCard !== undefined && info.lastCard.id !== cardId;
    await onTurn({
      step,
      kind,
      sentAt,
      httpMs: answeredAt - sentAt,
      lastCallMs: info.lastAt - sentAt,
      ...(newCard && info.lastCardAt !== undefined ? { nextCardMs: info.lastCardAt - sentAt } : {}),
    });
    if (info.lastCard && newCard) {
      lastActivity = info.lastCard.activity;
      card = cardOf(lastActivity);
      cardId = info.lastCard.id;
    } else {
      card = undefined;
    }
    if (target.verify) verifyReply(step, card, lastActivity);
  }
}

/** Checks the bot's reply is the interview's next card: question n+1, the review, the confirmation. */
function verifyReply(
  step: number,
  card: Element | undefined,
  activity: Record<string, unknown> | undefined,
): void {
  const shown = JSON.stringify(activity ?? {});
  if (/niet verwerkt|not processed/.test(shown)) {
    throw new TravellerError(`turn ${step + 1}: the bot's turn failed: ${shown.slice(0, 300)}`);
  }
  if (!card) throw new TravellerError(`turn ${step + 1}: the bot sent no new card`);
  if (step < QUESTION_KEYS.length) {
    const asked = buttonsOf(card).find((button) => button.data.action === 'answer')?.data
      .questionKey;
    if (asked !== QUESTION_KEYS[step]) {
      throw new TravellerError(
        `turn ${step + 1}: expected the card of ${QUESTION_KEYS[step]}, got ${String(asked)}: ${shown.slice(0, 300)}`,
      );
    }
  } else if (step === QUESTION_KEYS.length) {
    if (!buttonsOf(card).some((button) => button.data.action === 'post')) {
      throw new TravellerError(
        `turn ${step + 1}: expected the review card: ${shown.slice(0, 300)}`,
      );
    }
  } else if (!shown.includes('Je verslag is geplaatst')) {
    throw new TravellerError(
      `turn ${step + 1}: expected the confirmation of the post: ${shown.slice(0, 300)}`,
    );
  }
}
