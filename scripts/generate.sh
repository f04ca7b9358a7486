#!/usr/bin/env bash
# Offline `prisma generate` for both databases (runs on `npm install`).
# 1) rewrite prisma/<provider>/schema.prisma from prisma/models.prisma
# 2) run the ordinary Prisma CLI with PRISMA_SCHEMA_ENGINE_BINARY pointing at a stub: the CLI would
#    otherwise download the native schema engine first, although generate never runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
npx --no-install tsx scripts/sync-schemas.ts
export PRISMA_SCHEMA_ENGINE_BINARY="${PRISMA_SCHEMA_ENGINE_BINARY:-$PWD/scripts/no-schema-engine.sh}"
export CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1
for p in sqlite postgresql; do
  DB_PROVIDER=$p npx --no-install prisma generate >/dev/null
done
echo "prisma clients generated (src/generated/sqlite, src/generated/postgresql)"
