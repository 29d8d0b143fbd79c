/** The HTTP status of a Cosmos DB error (404, 409, 412, …), or undefined for network errors. */
export function cosmosStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, statusCode } = error as { code?: unknown; statusCode?: unknown };
  if (typeof code === 'number') return code;
  if (typeof statusCode === 'number') return statusCode;
  return undefined;
}

/** The message of anything thrown. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

/**
 * An Error that says what failed against which Cosmos DB endpoint and how to fix it:
 * unreachable endpoint, rejected key or token, or another status. The original is its `cause`.
 */
export function cosmosConnectionError(
  error: unknown,
  endpoint: string,
  action: string,
  usesKey: boolean,
): Error {
  const status = cosmosStatus(error);
  const detail = messageOf(error);
  const name = error instanceof Error ? error.name : '';
  let message: string;
  if (name === 'CredentialUnavailableError' || name === 'AuthenticationError') {
    message =
      `Could not get an Entra ID token for Cosmos DB at ${endpoint} while ${action}: ${detail}. ` +
      'Give the bot a managed identity (or sign in with `az login` locally), or set COSMOS_KEY.';
  } else if (status === undefined) {
    message =
      `Cannot reach Cosmos DB at ${endpoint} (COSMOS_ENDPOINT) while ${action}: ${detail}. ` +
      'Check that COSMOS_ENDPOINT is the account endpoint, e.g. ' +
      'https://<account>.documents.azure.com:443/, and that the network allows it; ' +
      'unset COSMOS_ENDPOINT to use the embedded in-memory server instead.';
  } else if (status === 401 && usesKey) {
    message =
      `Cosmos DB at ${endpoint} rejected the key (401) while ${action}. ` +
      "Set COSMOS_KEY to the account's primary or secondary key, or unset it to use Entra ID.";
  } else if (status === 401 || status === 403) {
    message =
      `Cosmos DB at ${endpoint} refused access (${status}) while ${action}: ${detail}. ` +
      (usesKey
        ? "Check the account's firewall and network rules."
        : "Give the bot's identity the 'Cosmos DB Built-in Data Contributor' role on the " +
          "account and check the account's firewall and network rules.");
  } else {
    message = `Cosmos DB at ${endpoint} answered ${status} while ${action}: ${detail}`;
  }
  return new Error(message, { cause: error });
}

/** An Error for a failed store operation, naming the operation and keeping the original as cause. */
export function storeError(action: string, error: unknown): Error {
  const status = cosmosStatus(error);
  return new Error(
    `Cosmos DB failed while ${action}${status === undefined ? '' : ` (${status})`}: ${messageOf(error)}`,
    { cause: error },
  );
}
