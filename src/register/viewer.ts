// The contract of src/register/registerAuth.ts (written in parallel); these declarations stand in
// for it until both branches meet, and are then imported from there.

/** Who looks at the register: from a validated Teams SSO token, or nobody in local mode. */
export interface RegisterViewer {
  tenantId?: string;
  aadObjectId?: string;
  name?: string;
  anonymous: boolean;
}

/** Finds the viewer from the request's Authorization header; rejects with RegisterAuthError. */
export type AuthenticateRegisterViewer = (
  authorizationHeader: string | undefined,
) => Promise<RegisterViewer>;

/** No valid token: the register's API answers 401. */
export class RegisterAuthError extends Error {}

/** The local mode's viewer (loopback, no app id), as the bot runs without tokens there. */
export const anonymousViewer: AuthenticateRegisterViewer = async () => ({ anonymous: true });
