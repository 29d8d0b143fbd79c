// Summarises a V8 CPU profile (`node --cpu-prof`, e.g. `npm run bench -- --profile`): where the
// time went, by package (or project file) and by function, self time and total time.
//
//   npx tsx bench/profileSummary.ts <file>.cpuprofile [--top 25]
//   npx tsx bench/profileSummary.ts <file>.cpuprofile --result bench/results/<run>.json --bot interview
//
// With --result, only the samples taken during that bot's measured rounds count (the profile's
// clock is V8's monotonic clock, the bench's too), and every figure is also given per turn.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fmt, table } from './stats';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface RoundWindow {
  bot: string;
  measured: boolean;
  turns: number;
  startedAt: number;
  endedAt: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** The package a script belongs to: `node_modules/<name>`, a project path, or node's own. */
export function ownerOf(url: string): string {
  if (url === '') return '(native, GC, idle)';
  if (url.startsWith('node:')) return 'node';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + 'node_modules/'.length).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url);
  }
  const project = /\/(dist|src|bench)\/(.*)$/.exec(url);
  return project ? `${project[1]}/${project[2]}` : url;
}

/** Self and total milliseconds by package and by function. */
export function summarizeProfile(
  profile: CpuProfile,
  windows?: readonly { startedAt: number; endedAt: number }[],
): {
  totalMs: number;
  byOwner: { name: string; selfMs: number; totalMs: number }[];
  byFunction: { name: string; selfMs: number; totalMs: number }[];
} {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const selfUs = new Map<number, number>();
  let at = profile.startTime;
  let sampledUs = 0;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    at += delta;
    const ms = at / 1000;
    if (windows && !windows.some((w) => ms >= w.startedAt && ms <= w.endedAt)) return;
    sampledUs += delta;
    selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
  });
  const owners = new Map<string, { self: number; total: number }>();
  const functions = new Map<string, { self: number; total: number }>();
  const add = (
    map: Map<string, { self: number; total: number }>,
    key: string,
    self: number,
    total: number,
  ) => {
    const entry = map.get(key) ?? { self: 0, total: 0 };
    entry.self += self;
    entry.total += total;
    map.set(key, entry);
  };
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const owner = ownerOf(url);
    add(owners, owner, us, 0);
    add(functions, `${functionName || '(anonymous)'} ${owner}:${lineNumber + 1}`, us, 0);
    // Total time: once for each owner and function on the stack.
    const seenOwners = new Set<string>();
    const seenFunctions = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (!frame) break;
      const frameOwner = ownerOf(frame.url);
      const frameFunction = `${frame.functionName || '(anonymous)'} ${frameOwner}:${frame.lineNumber + 1}`;
      if (!seenOwners.has(frameOwner)) {
        seenOwners.add(frameOwner);
        add(owners, frameOwner, 0, us);
      }
      if (!seenFunctions.has(frameFunction)) {
        seenFunctions.add(frameFunction);
        add(functions, frameFunction, 0, us);
      }
    }
  }
  const list = (map: Map<string, { self: number; total: number }>) =>
    [...map]
      .map(([name, { self, total }]) => ({ name, selfMs: self / 1000, totalMs: total / 1000 }))
      .sort((a, b) => b.selfMs - a.selfMs);
  return {
    totalMs: sampledUs / 1000,
    byOwner: list(owners),
    byFunction: list(functions),
  };
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      top: { type: 'string', default: '25' },
      result: { type: 'string' },
      bot: { type: 'string', default: 'interview' },
    },
  });
  const top = Number(values.top);
  let windows: RoundWindow[] | undefined;
  let turns = 0;
  if (values.result) {
    const result = JSON.parse(readFileSync(values.result, 'utf8')) as { rounds: RoundWindow[] };
    windows = result.rounds.filter((r) => r.measured && r.bot === values.bot);
    turns = windows.reduce((sum, r) => sum + r.turns, 0);
  }
  for (const file of positionals) {
    const summary = summarizeProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, windows);
    const header = [
      'self ms',
      'self %',
      'total ms',
      ...(turns ? ['self ms/turn', 'total ms/turn'] : []),
    ];
    const rows = (items: { name: string; selfMs: number; totalMs: number }[]) =>
      items
        .slice(0, top)
        .map((item) => [
          item.name.slice(0, 110),
          fmt(item.selfMs, 0),
          fmt((100 * item.selfMs) / summary.totalMs, 1),
          fmt(item.totalMs, 0),
          ...(turns ? [fmt(item.selfMs / turns, 3), fmt(item.totalMs / turns, 3)] : []),
        ]);
    const scope = windows ? ` during the ${values.bot}'s measured rounds (${turns} turns)` : '';
    process.stdout.write(
      `${file}: ${fmt(summary.totalMs, 0)} ms profiled${scope}\n\n` +
        `${table([['by package or file', ...header], ...rows(summary.byOwner)])}\n\n` +
        `${table([['by function', ...header], ...rows(summary.byFunction)])}\n\n`,
    );
  }
}

if (require.main === module) main();
