#!/usr/bin/env bash
# Regenerates the parser from grammar/*.g4 with the pinned antlr-ng and fails when the committed parser differs.
set -euo pipefail
cd "$(dirname "$0")/../grammar"
npm ci --no-audit --no-fund --loglevel=error
npm run --silent generate
cd ..
if ! git diff --quiet -- compiler/MapLang.Compiler/Parsing/Generated || [ -n "$(git ls-files --others --exclude-standard compiler/MapLang.Compiler/Parsing/Generated)" ]; then
  echo "The committed parser differs from grammar/*.g4: run 'npm run generate' in grammar/ and commit the result." >&2
  git --no-pager diff --stat -- compiler/MapLang.Compiler/Parsing/Generated >&2
  exit 1
fi
echo "Generated parser is up to date with the grammar."
