#!/usr/bin/env bash
# Runs every test: the .NET test projects of the solution, then the VS Code extension's own tests (its TextMate
# grammars, run by node's test runner), and prints one summary line: "Tests: N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
dotnet test MapLang.sln --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

extension_log=$(mktemp)
(cd lsp/vscode && npm ci --no-audit --no-fund --loglevel=error && npm run --silent build && npm test) 2>&1 | tee "$extension_log"
extension_status=${PIPESTATUS[0]}
[ "$extension_status" -ne 0 ] && status=$extension_status

passed=0; failed=0; skipped=0
while read -r f p s; do
  failed=$((failed + f)); passed=$((passed + p)); skipped=$((skipped + s))
done < <(sed -nE 's/.*Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+).*/\1 \2 \3/p' "$log")
node_passed=$(sed -nE 's/^# pass ([0-9]+)$/\1/p' "$extension_log" | tail -1)
node_failed=$(sed -nE 's/^# fail ([0-9]+)$/\1/p' "$extension_log" | tail -1)
passed=$((passed + ${node_passed:-0})); failed=$((failed + ${node_failed:-0}))
rm -f "$log" "$extension_log"

echo
echo "Tests: $passed passed, $failed failed, $skipped skipped"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "the test run failed before or outside the tests (exit $status)"
fi
exit "$status"
