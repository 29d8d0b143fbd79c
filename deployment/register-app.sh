#!/usr/bin/env bash
# Registers the Register tab's single sign-on app in Entra ID, as deployment/README.md ("The
# register: single sign-on") describes it step by step, and prints the REGISTER_CLIENT_ID to set.
#
#   deployment/register-app.sh <web app host>      e.g. app-reisverslag-abc.azurewebsites.net
#
# Needs the Azure CLI, signed in (az login) as someone who may register applications in the
# tenant (by default every member may; otherwise Application Developer or Application
# Administrator). Running it again finds the app by its name and sets it up again; nothing else
# in the tenant changes.
set -euo pipefail

# The Teams clients that may get tokens for the register without asking the user for consent.
readonly TEAMS_DESKTOP_AND_MOBILE=1fec8e78-bce4-4aaf-ab1b-5451cc387264
readonly TEAMS_WEB=5e3ce6c0-2b1f-4285-8d4b-75ee78787346
readonly SCOPE=access_as_user
readonly APP_NAME="${REGISTER_APP_NAME:-Reisverslag Register}"

host="${1:-}"
if [[ ! "$host" =~ ^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$ || "$host" != *.* ]]; then
  echo "Usage: $0 <web app host>, e.g. $0 app-reisverslag-abc.azurewebsites.net" >&2
  echo "(the webAppUrl output of the Bicep deployment without https://)" >&2
  exit 2
fi
host="${host,,}"

# One app registration, in this tenant only (single tenant): the register is the organisation's.
client_id="$(az ad app list --display-name "$APP_NAME" --query '[0].appId' --output tsv)"
if [[ -z "$client_id" ]]; then
  client_id="$(az ad app create --display-name "$APP_NAME" --sign-in-audience AzureADMyOrg \
    --query appId --output tsv)"
  echo "Created the app registration '$APP_NAME': $client_id"
else
  echo "Found the app registration '$APP_NAME': $client_id"
fi
object_id="$(az ad app show --id "$client_id" --query id --output tsv)"

# Expose an API: the application ID URI Teams requires, api://<host>/<client id>.
az ad app update --id "$client_id" --identifier-uris "api://$host/$client_id"

# The scope Teams asks for, kept when it exists (its id must not change under the pre-authorisations).
scope_id="$(az ad app show --id "$client_id" \
  --query "api.oauth2PermissionScopes[?value=='$SCOPE'].id | [0]" --output tsv)"
if [[ -z "$scope_id" && -r /proc/sys/kernel/random/uuid ]]; then
  scope_id="$(cat /proc/sys/kernel/random/uuid)"
elif [[ -z "$scope_id" ]]; then
  scope_id="$(uuidgen | tr '[:upper:]' '[:lower:]')"
fi
graph="https://graph.microsoft.com/v1.0/applications/$object_id"

# v2 access tokens (aud = the client id), and the scope; then the Teams clients pre-authorised for
# it (Entra only takes a pre-authorisation for a scope that already exists, hence two calls).
az rest --method PATCH --uri "$graph" --headers 'Content-Type=application/json' --body "{
  \"api\": {
    \"requestedAccessTokenVersion\": 2,
    \"oauth2PermissionScopes\": [{
      \"id\": \"$scope_id\",
      \"value\": \"$SCOPE\",
      \"type\": \"User\",
      \"isEnabled\": true,
      \"adminConsentDisplayName\": \"Teams can open the register as the user\",
      \"adminConsentDescription\": \"Teams can call the Reisverslag register with the signed-in user's identity.\",
      \"userConsentDisplayName\": \"Open the register as you\",
      \"userConsentDescription\": \"Teams can open the Reisverslag register as you.\"
    }]
  }
}"
az rest --method PATCH --uri "$graph" --headers 'Content-Type=application/json' --body "{
  \"api\": {
    \"preAuthorizedApplications\": [
      { \"appId\": \"$TEAMS_DESKTOP_AND_MOBILE\", \"delegatedPermissionIds\": [\"$scope_id\"] },
      { \"appId\": \"$TEAMS_WEB\", \"delegatedPermissionIds\": [\"$scope_id\"] }
    ]
  }
}"

# The app's service principal in this tenant: without it Entra issues no token for the app.
if [[ -z "$(az ad sp list --filter "appId eq '$client_id'" --query '[0].id' --output tsv)" ]]; then
  az ad sp create --id "$client_id" --output none
fi

cat << EOF

The register's single sign-on is registered.
  REGISTER_CLIENT_ID=$client_id
  application ID URI api://$host/$client_id, scope $SCOPE, v2 tokens
Next:
  - put registerClientId = $client_id in deployment/main.parameters.json and deploy the Azure resources again
  - make the Teams app package with REGISTER_CLIENT_ID=$client_id (or --outputs after that deployment)
EOF
