#!/usr/bin/env bash
# Adds a migration to BOTH providers from the one model: scripts/add-migration.sh <Name>
# then regenerates the idempotent SQL Server deployment script.
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh <MigrationName>}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
dotnet tool restore >/dev/null
for provider in Sqlite SqlServer; do
  dotnet ef migrations add "$name" --project App --context "${provider}AppDbContext" \
    --output-dir "../Migrations/$provider" --namespace "SellerPortal.Migrations.$provider"
  # EF writes the snapshot beside the namespace's folder; keep it with its migrations.
  if [ -d "App/SellerPortal/Migrations/$provider" ]; then
    mv "App/SellerPortal/Migrations/$provider"/*.cs "Migrations/$provider/"
  fi
done
rm -rf App/SellerPortal
scripts/sqlserver-script.sh
