// What the register's route test and its worker (registerServer.ts) share; no restify here, so
// that importing it keeps restify out of mocha's process.
import type { RegisterViewer } from '../../../src/register/registerAuth';

/** The bot app id the worker's register uses for Wijzigen links. */
export const BOT_APP_ID = '6a2bd0c1-7f2e-4c8e-9d1a-3b4c5d6e7f80';

/** What the worker tells the test once it listens. */
export interface RegisterServerReady {
  port: number;
  /** The seeded posted reports, in the order of TRIPS. */
  posted: { id: string; travellerId: string }[];
  draft: { id: string; travellerId: string };
}

/** The header a test sends to be `viewer`. */
export function viewerHeader(viewer: RegisterViewer): string {
  return `Bearer viewer:${Buffer.from(JSON.stringify(viewer)).toString('base64url')}`;
}
