#!/usr/bin/env bash
# Runs every test of CloudResume on a fresh machine: installs what the tests need (npm packages,
# Debian's chromium, the arm64 cross toolchain and qemu-user, the pinned Python tools), builds, runs each
# test project, and ends with "N passed, N failed". What it could not install it names before testing.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\n== %s\n' "$*"; }

log "Installing test prerequisites"
command -v dotnet >/dev/null || { echo "dotnet (the .NET 10 SDK) is required" >&2; exit 2; }
command -v node >/dev/null || { echo "Node.js is required (DynamoDB Local = dynalite from npm)" >&2; exit 2; }
npm ci --no-audit --no-fund --loglevel=error
if ! command -v chromium >/dev/null; then
  # Browser tests drive Debian's chromium through Playwright (Playwright's own download is not reachable).
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
  else sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null; fi
fi
# arm64 from x64 (Infra.Tests cross-publishes the function and runs it under qemu): Debian packages.
./scripts/install-arm64-toolchain.sh
# The infrastructure tests' Python tools, pinned; installed only when missing, with pip into a local venv
# (.venv-tools, put first on PATH; pip needs its package index for that).
if [ -x .venv-tools/bin/python3 ]; then export PATH="$PWD/.venv-tools/bin:$PATH"; fi
missing=()
command -v cfn-lint >/dev/null || missing+=("cfn-lint==1.51.0")
command -v aws >/dev/null || missing+=("awscli==1.45.11")
python3 -c "import moto.server" 2>/dev/null || missing+=("moto[server]==5.2.1")
if [ ${#missing[@]} -gt 0 ]; then
  { python3 -m venv --system-site-packages .venv-tools && .venv-tools/bin/python3 -m pip install --quiet "${missing[@]}"; } || rm -rf .venv-tools
  if [ -x .venv-tools/bin/python3 ]; then export PATH="$PWD/.venv-tools/bin:$PATH"; fi
  for tool in cfn-lint aws; do
    command -v "$tool" >/dev/null || { echo "COULD NOT INSTALL $tool (pip install ${missing[*]}): the infrastructure tests need it" >&2; exit 2; }
  done
  python3 -c "import moto.server" 2>/dev/null || { echo "COULD NOT INSTALL moto (pip install 'moto[server]==5.2.1'): the deploy tests need it" >&2; exit 2; }
fi

log "Building"
dotnet build CloudResume.sln -c Debug -warnaserror -nologo -v:q

results=TestResults
rm -rf "$results"
status=0
# One project at a time: the integration tests start servers and processes, and there are 2 cores.
for project in Tests/*.Tests/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  log "Testing $name"
  dotnet test "$project" --no-build -nologo --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=1
done

python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for path in glob.glob(f"{sys.argv[1]}/*.trx"):
    counters = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
    skipped += int(counters.get("notExecuted", 0))
if skipped:
    print(f"{skipped} not run (counted as failed)")
print(f"{passed} passed, {failed + skipped} failed")
PY
exit $status
