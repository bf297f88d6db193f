#!/usr/bin/env bash
# Adds one migration to both providers' sets: scripts/add-migration.sh NameInPascalCase
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 1 ] || { echo "usage: $0 MigrationName" >&2; exit 2; }
dotnet tool restore >/dev/null
dotnet build src/DonDoc >/dev/null
for p in Sqlite Postgres; do
  dotnet ef migrations add "$1" --no-build --project src/DonDoc --context "${p}DonDocDbContext" \
    --output-dir "Data/Migrations/$p"
done
