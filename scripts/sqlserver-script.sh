#!/usr/bin/env bash
# Writes the idempotent SQL Server deployment script (Database:MigrateOnStartup=false in production).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
dotnet tool restore >/dev/null
dotnet ef migrations script --idempotent --project App --context SqlServerAppDbContext \
  --output Migrations/SqlServer/sqlserver-idempotent.sql
