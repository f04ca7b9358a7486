#!/bin/sh
# Stand-in for Prisma's native schema-engine binary (which cannot be downloaded offline).
# `prisma generate` only needs the file to exist; commands that really need the engine land here.
echo "schema-engine is not available offline: use 'npm run migrate:*' (wasm engine) instead" >&2
exit 1
