// Every parser of typed text runs in linear time (issue 13, "Hardening I", item 2). A typed
// answer of 6,000 characters once kept the event loop busy for 40 s: a pattern with adjacent
// optional whitespace backtracked polynomially, and no other traveller's turn ran. Here each
// parser gets inputs longer than Teams lets a message be, built to make such a pattern backtrack,
// and must return within a second: a wide bound on purpose, a guard against the class of bug and
// not a performance goal. Each parser runs in a worker thread that is stopped when it runs on,
// so a regression fails here (naming the parser and the input) instead of hanging the suite.
// Random text (fast-check) shows the parsers never throw and always return a result.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { textLines } from '../../src/cards/userText';
import {
  COMMAND_TEXT_LIMIT,
  commandOf,
  editCommandOf,
  isConfirmation,
  normalizedCommand,
} from '../../src/dialogs/turnInput';
import { parseCardAnswer, parseTypedAnswer, type ParseResult } from '../../src/report/answerInput';
import type { Question } from '../../src/report/catalogue';
import { productCatalogue } from '../support/catalogue';
import { parseDate, readTripDates } from '../../src/report/dates';
import { readDurationText } from '../../src/report/duration';
import { parsePeople } from '../../src/report/people';
import {
  HOSTILE_LENGTH,
  REPEATED,
  STARTS,
  TODAY,
  WHITESPACE,
  hostileInputs,
  textParsers,
} from './support/hostileInput';
import type { ProbeAnswer, ProbeRequest } from './support/parserWorker';

const { questions } = productCatalogue;

/** The most a parser may take on one input. */
const BOUND_MS = 1000;
/** A parser still running after this long is stopped; it is far beyond the bound anyway. */
const STOP_AFTER_MS = 5000;
/** Starting a worker thread that compiles the parsers with tsx, on a busy machine. */
const WORKER_START_MS = 60_000;

type Outcome = ProbeAnswer | { stopped: true };

/** Times parsers in a worker thread; a worker that runs past STOP_AFTER_MS is replaced. */
class ParserTimer {
  private worker: Promise<Worker> | undefined;

  /** How long `parser` takes on hostile input number `input`. */
  async time(parser: string, input: number): Promise<Outcome> {
    const worker = await this.started();
    return new Promise<Outcome>((resolve) => {
      const done = (outcome: Outcome) => {
        clearTimeout(timer);
        worker.off('message', done);
        worker.off('error', failed);
        resolve(outcome);
      };
      const failed = (error: Error) => {
        this.worker = undefined;
        done({ error: `the worker failed: ${error.message}` });
      };
      const timer = setTimeout(() => {
        void this.stop();
        done({ stopped: true });
      }, STOP_AFTER_MS);
      worker.on('message', done);
      worker.on('error', failed);
      worker.postMessage({ parser, input } satisfies ProbeRequest);
    });
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await (await worker?.catch(() => undefined))?.terminate();
  }

  private started(): Promise<Worker> {
    this.worker ??= new Promise<Worker>((resolve, reject) => {
      const worker = new Worker(join(__dirname, 'support', 'parserWorker.ts'), {
        execArgv: ['--require', 'tsx/cjs'],
        workerData: { length: HOSTILE_LENGTH },
      });
      const timer = setTimeout(() => {
        void worker.terminate();
        reject(new Error(`the parser worker did not start within ${WORKER_START_MS} ms`));
      }, WORKER_START_MS);
      worker.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      worker.once('message', (message) => {
        clearTimeout(timer);
        if (message === 'ready') resolve(worker);
        else reject(new Error(`the parser worker said ${JSON.stringify(message)} first`));
      });
    });
    return this.worker;
  }
}

describe('security: every parser of typed text runs in linear time', function () {
  const inputs = hostileInputs();
  const timer = new ParserTimer();
  // On a regression every input may run until it is stopped.
  this.timeout(WORKER_START_MS + inputs.length * (STOP_AFTER_MS + 1000));

  after(() => timer.stop());

  it(`has hostile inputs of at least ${HOSTILE_LENGTH} characters, more than Teams lets a message hold`, () => {
    const short = inputs.filter((input) => input.text.length < HOSTILE_LENGTH);
    assert.deepEqual(
      short.map((input) => input.name),
      [],
    );
    assert.ok(HOSTILE_LENGTH >= 28_000);
  });

  for (const parser of textParsers()) {
    it(`${parser.name}: each of ${inputs.length} hostile inputs in under ${BOUND_MS} ms`, async () => {
      const slow: string[] = [];
      for (const [index, input] of inputs.entries()) {
        const outcome = await timer.time(parser.name, index);
        if ('stopped' in outcome) {
          slow.push(`${input.name}: still running after ${STOP_AFTER_MS} ms, stopped`);
        } else if ('error' in outcome) {
          slow.push(`${input.name}: threw ${outcome.error}`);
        } else if (outcome.milliseconds >= BOUND_MS) {
          slow.push(`${input.name}: ${Math.round(outcome.milliseconds)} ms`);
        }
      }
      assert.deepEqual(slow, [], `${parser.name} on hostile input`);
    });
  }
});

describe('security: every parser of typed text returns a result for any text (fast-check)', () => {
  const piece = fc.constantFrom(
    ...Object.values(WHITESPACE),
    ...STARTS,
    ...Object.values(REPEATED),
    't/m',
    '–',
    '2 dagen (1 nacht)',
    '20-06-2023',
    'wethouder)',
    '😀',
    '\u2028',
    'x',
  );
  // A hostile shape at a size the old patterns still survive: start, a run, an end.
  const shaped = fc
    .tuple(fc.constantFrom(...STARTS, ''), piece, fc.integer({ min: 1, max: 2000 }), piece)
    .map(([start, unit, count, end]) => `${start}${unit.repeat(count)}${end}`);
  const text = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join('')),
    shaped,
  );
  const runs = { numRuns: 300 };

  /** Asserts a parse result is an answer to the question, or one sentence saying what to fix. */
  function assertResult(question: Question, result: ParseResult): void {
    if (result.ok) {
      assert.equal(result.answer.type, question.type, 'an answer of the question type');
    } else {
      assert.equal(typeof result.error, 'string');
      assert.match(result.error, /^\S[\s\S]*\.$/, 'a sentence ending in a full stop');
    }
  }

  it('answers typed in the chat: an answer of the question type, or a sentence what to fix', () => {
    fc.assert(
      fc.property(text, fc.constantFrom(...questions), (typed, question) => {
        assertResult(question, parseTypedAnswer(question, typed, 'nl', TODAY));
        assertResult(question, parseTypedAnswer(question, typed, 'en', TODAY));
      }),
      runs,
    );
  });

  it('answers on the cards, whatever each field holds: an answer or a sentence what to fix', () => {
    const value = fc.oneof(text, fc.constant(undefined), fc.integer(), fc.boolean());
    fc.assert(
      fc.property(
        fc.constantFrom(...questions),
        fc.record({ answer: value, departure: value, return: value, choice: value }),
        (question, fields) => {
          assertResult(question, parseCardAnswer(question, fields, 'nl', TODAY));
        },
      ),
      runs,
    );
  });

  it('dates, durations and people: a reading or none, never a throw', () => {
    fc.assert(
      fc.property(text, (typed) => {
        const date = parseDate(typed);
        if (date !== undefined) assert.match(date, /^\d{4}-\d{2}-\d{2}$/);
        const range = readTripDates(typed, TODAY);
        if (range.ok) assert.match(`${range.departure} ${range.return}`, /^[\d-]{10} [\d-]{10}$/);
        const duration = readDurationText(typed);
        if (duration) assert.ok(Number.isInteger(duration.days));
        const people = parsePeople(typed);
        if (people.ok) {
          for (const person of people.people) {
            assert.ok(person.name !== '' && person.role !== '', 'a person has a name and a role');
          }
        } else {
          assert.equal(typeof people.line, 'string');
        }
        assert.ok(Array.isArray(textLines(typed)));
      }),
      runs,
    );
  });

  it('commands: a command only for a short text, never a throw', () => {
    fc.assert(
      fc.property(text, (typed) => {
        const command = commandOf(typed);
        const normalized = normalizedCommand(typed);
        assert.ok(normalized.length <= COMMAND_TEXT_LIMIT);
        if (typed.trim().length > COMMAND_TEXT_LIMIT) {
          assert.equal(command, undefined, 'a long text is no command');
          assert.equal(
            editCommandOf(typed, productCatalogue),
            undefined,
            'a long text is no edit command',
          );
          assert.equal(isConfirmation(typed), false, 'a long text confirms nothing');
        } else {
          assert.equal(typeof isConfirmation(typed), 'boolean');
        }
      }),
      runs,
    );
  });
});
