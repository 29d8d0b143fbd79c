// A worker thread that times one parser on one hostile input at a time, so that a parser that
// backtracks for minutes can be stopped (the worker terminated) instead of blocking the tests.
// Asked `{ parser, input }` (a name and an index into hostileInputs()), it answers
// `{ milliseconds }`, or `{ error }` when the parser threw.
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { hostileInputs, textParsers } from './hostileInput';

/** What the test asks the worker. */
export interface ProbeRequest {
  parser: string;
  input: number;
}

/** What the worker answers. */
export type ProbeAnswer = { milliseconds: number } | { error: string };

const port = parentPort;
if (!port) throw new Error('parserWorker.ts runs as a worker thread');
const inputs = hostileInputs((workerData as { length: number }).length);
const parsers = new Map(textParsers().map((parser) => [parser.name, parser.parse]));

port.on('message', ({ parser, input }: ProbeRequest) => {
  const parse = parsers.get(parser);
  const text = inputs[input]?.text;
  if (!parse || text === undefined) {
    port.postMessage({ error: `no parser "${parser}" or input ${input}` } satisfies ProbeAnswer);
    return;
  }
  const started = performance.now();
  try {
    parse(text);
    port.postMessage({ milliseconds: performance.now() - started } satisfies ProbeAnswer);
  } catch (error) {
    port.postMessage({ error: String(error) } satisfies ProbeAnswer);
  }
});
port.postMessage('ready');
