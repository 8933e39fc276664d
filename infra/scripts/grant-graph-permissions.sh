#!/bin/sh
# Grants the managed identity of m365vault the Microsoft Graph application roles its
# workloads need (and SharePoint Online's own Sites.Read.All for lists, whose item attachments
# only SharePoint REST serves; Sites.ReadWrite.All there to restore them), and revokes any other role it holds on either, so the identity
# always has the least set. Runs as the azd postprovision hook; run it by hand (after `az login` as a Global
# Administrator or Privileged Role Administrator) when the azd user cannot grant app roles.
#
# Environment (azd passes its environment to hooks):
#   MANAGED_IDENTITY_PRINCIPAL_ID  object id of the identity (a main.bicep output)  required
#   VAULT_GRAPH_WORKLOADS  comma list of mail,calendar,contacts,files,lists,pages   default all
#   VAULT_GRAPH_RESTORE    true: write roles, for restores into the tenant           default false
#   VAULT_SKIP_GRAPH_GRANT true: change nothing, print how to run this later        default false
#
# `grant-graph-permissions.sh --list` prints the roles the settings above select and exits:
# Graph's by name, SharePoint Online's as sharepoint:NAME.
set -eu

GRAPH_APP_ID=00000003-0000-0000-c000-000000000000
SHAREPOINT_APP_ID=00000003-0000-0ff1-ce00-000000000000
GRAPH_URL=https://graph.microsoft.com/v1.0

fail() {
  echo "grant-graph-permissions: $*" >&2
  exit 1
}

# The roles for one workload; $1 is the workload, $2 "true" for restore (write) access.
workload_roles() {
  case "$1:$2" in
    mail:false) echo "Mail.Read MailboxSettings.Read" ;;
    mail:true) echo "Mail.ReadWrite MailboxSettings.Read" ;;
    calendar:false) echo "Calendars.Read" ;;
    calendar:true) echo "Calendars.ReadWrite" ;;
    contacts:false) echo "Contacts.Read" ;;
    contacts:true) echo "Contacts.ReadWrite" ;;
    # Sites.Read.All enumerates sites (/sites/getAllSites) whose libraries hold files.
    files:false) echo "Files.Read.All Sites.Read.All" ;;
    files:true) echo "Files.ReadWrite.All Sites.Read.All" ;;
    lists:false | pages:false) echo "Sites.Read.All" ;;
    # A list restore creates lists and columns, which Sites.ReadWrite.All does not allow.
    lists:true) echo "Sites.Manage.All Sites.ReadWrite.All" ;;
    pages:true) echo "Sites.ReadWrite.All" ;;
    *) fail "unknown workload '$1' in VAULT_GRAPH_WORKLOADS (known: mail,calendar,contacts,files,lists,pages)" ;;
  esac
}

# Every role the settings select, one a line, sorted; a Read role is dropped when its
# ReadWrite role is also selected, since the latter includes it.
selected_roles() {
  restore="${VAULT_GRAPH_RESTORE:-false}"
  case "$restore" in
    true | false) ;;
    *) fail "VAULT_GRAPH_RESTORE must be true or false, not '$restore'" ;;
  esac
  # Enumeration of protected items: /users and transitive group members.
  roles="User.Read.All GroupMember.Read.All"
  old_ifs=$IFS
  IFS=,
  for workload in ${VAULT_GRAPH_WORKLOADS:-mail,calendar,contacts,files,lists,pages}; do
    IFS=$old_ifs
    roles="$roles $(workload_roles "$workload" "$restore")"
    IFS=,
  done
  IFS=$old_ifs
  all=$(printf '%s\n' $roles | sort -u)
  for role in $all; do
    case "$role" in
      *.Read.All) wider="${role%.Read.All}.ReadWrite.All" ;;
      *.Read) wider="${role%.Read}.ReadWrite" ;;
      *) wider="" ;;
    esac
    if [ -z "$wider" ] || ! printf '%s\n' $all | grep -qx "$wider"; then
      echo "$role"
    fi
  done
}

# SharePoint Online's roles: list item attachments are read (and, restoring, added) through
# SharePoint REST, which checks its own application permissions, not Graph's.
sharepoint_roles() {
  case ",${VAULT_GRAPH_WORKLOADS:-mail,calendar,contacts,files,lists,pages},:${VAULT_GRAPH_RESTORE:-false}" in
    *,lists,*:true) echo "Sites.ReadWrite.All" ;;
    *,lists,*) echo "Sites.Read.All" ;;
  esac
}

if [ "${1:-}" = "--list" ]; then
  selected_roles
  for role in $(sharepoint_roles); do
    echo "sharepoint:$role"
  done
  exit 0
fi
[ $# -eq 0 ] || fail "unknown argument '$1' (only --list)"

roles=$(selected_roles)
principal="${MANAGED_IDENTITY_PRINCIPAL_ID:-}"
[ -n "$principal" ] || fail "MANAGED_IDENTITY_PRINCIPAL_ID is not set; run after 'azd provision' (it is a main.bicep output) or export it"

if [ "${VAULT_SKIP_GRAPH_GRANT:-false}" = "true" ]; then
  echo "grant-graph-permissions: skipped (VAULT_SKIP_GRAPH_GRANT=true). An administrator must run:"
  echo "  MANAGED_IDENTITY_PRINCIPAL_ID=$principal VAULT_GRAPH_WORKLOADS=${VAULT_GRAPH_WORKLOADS:-mail,calendar,contacts,files,lists,pages} VAULT_GRAPH_RESTORE=${VAULT_GRAPH_RESTORE:-false} infra/scripts/grant-graph-permissions.sh"
  echo "  roles:" $roles $(sharepoint_roles | sed 's/^/sharepoint:/')
  exit 0
fi

command -v az >/dev/null 2>&1 || fail "the Azure CLI (az) is required"
az account show --output none 2>/dev/null || fail "run 'az login' (as an administrator of the tenant) first"

# Converges the identity's roles on one resource ($1 its app id, $2 its name) to $3.
converge() {
  resource_app=$1
  resource_name=$2
  wanted_roles=$3
  resource_sp=$(az ad sp show --id "$resource_app" --query id --output tsv) \
    || fail "cannot read the $resource_name service principal of this tenant"
  # value<TAB>id of every application role the resource offers, so names resolve to this tenant's ids.
  catalog=$(az ad sp show --id "$resource_app" \
    --query "appRoles[?contains(allowedMemberTypes, 'Application')].[value, id]" --output tsv)
  # appRoleId<TAB>assignmentId of the resource's roles the identity holds now.
  held=$(az rest --method GET \
    --uri "$GRAPH_URL/servicePrincipals/$principal/appRoleAssignments" \
    --query "value[?resourceId=='$resource_sp'].[appRoleId, id]" --output tsv) \
    || fail "cannot list the app roles of principal $principal (needs Application.Read.All and AppRoleAssignment.ReadWrite.All, e.g. Privileged Role Administrator)"

  wanted_ids=""
  for role in $wanted_roles; do
    role_id=$(printf '%s\n' "$catalog" | awk -F '\t' -v r="$role" '$1 == r { print $2 }')
    [ -n "$role_id" ] || fail "$resource_name offers no application role named $role"
    wanted_ids="$wanted_ids $role_id"
    if printf '%s\n' "$held" | awk -F '\t' '{ print $1 }' | grep -qx "$role_id"; then
      echo "grant-graph-permissions: $resource_name $role already granted"
      continue
    fi
    az rest --method POST \
      --uri "$GRAPH_URL/servicePrincipals/$principal/appRoleAssignments" \
      --headers "Content-Type=application/json" \
      --body "{\"principalId\":\"$principal\",\"resourceId\":\"$resource_sp\",\"appRoleId\":\"$role_id\"}" \
      --output none \
      || fail "granting $resource_name $role failed (needs Privileged Role Administrator or Global Administrator)"
    echo "grant-graph-permissions: granted $resource_name $role"
  done

  # Revoke what is no longer selected, e.g. write roles after VAULT_GRAPH_RESTORE went back to false.
  printf '%s\n' "$held" | while IFS="$(printf '\t')" read -r role_id assignment_id; do
    [ -n "$role_id" ] || continue
    case " $wanted_ids " in
      *" $role_id "*) ;;
      *)
        name=$(printf '%s\n' "$catalog" | awk -F '\t' -v i="$role_id" '$2 == i { print $1 }')
        az rest --method DELETE \
          --uri "$GRAPH_URL/servicePrincipals/$principal/appRoleAssignments/$assignment_id" \
          --output none || fail "revoking $resource_name ${name:-$role_id} failed"
        echo "grant-graph-permissions: revoked $resource_name ${name:-$role_id}"
        ;;
    esac
  done
}

converge "$GRAPH_APP_ID" "Microsoft Graph" "$roles"
converge "$SHAREPOINT_APP_ID" "SharePoint Online" "$(sharepoint_roles)"
