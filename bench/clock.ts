// One clock for every bench process: CLOCK_MONOTONIC (process.hrtime), which on Linux is the same
// for all processes on the machine, so a time taken in the fake connector can be compared with one
// taken in the load driver without any offset.

/** Milliseconds on the machine-wide monotonic clock, with sub-millisecond resolution. */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
