#!/usr/bin/env bash
# The whole SupportBot test suite on a fresh machine with the .NET 10 SDK:
# installs what the tests need (Debian packages, when missing), builds, runs every test project,
# and ends with one line "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"

packages=()
# A real SMTP server for the mail tests (tests/Shared/SmtpTestServer.cs runs /usr/bin/python3 -m aiosmtpd).
/usr/bin/python3 -c "import aiosmtpd" 2>/dev/null || packages+=(python3-aiosmtpd)
# Debian's Chromium for the Web Chat browser tests (Playwright drives /usr/bin/chromium; it downloads no browser).
[ -x /usr/bin/chromium ] || packages+=(chromium chromium-driver)
# A real Redis for the Direct Line backplane tests (tests/Shared/RedisTestServer.cs runs /usr/bin/redis-server on a free port).
[ -x /usr/bin/redis-server ] || packages+=(redis-server)

if [ ${#packages[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "test.sh: installing ${packages[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi

# Real client libraries from npm used as test oracles (twilio), pinned by tests/oracles/package-lock.json.
command -v node >/dev/null || { echo "test.sh: Node.js (node, npm) is required for the oracle tests" >&2; exit 1; }
npm ci --prefix tests/oracles --no-audit --no-fund --loglevel=error

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
dotnet build SupportBot.sln -c Debug -nologo -clp:ErrorsOnly

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test --solution SupportBot.sln --no-build 2>&1 | tee "$log" || status=$?

# Microsoft.Testing.Platform ends with the run's totals; restate them as the line CI reads.
awk '/^[[:space:]]*failed: [0-9]+$/ {f = $2} /^[[:space:]]*succeeded: [0-9]+$/ {p = $2} /^[[:space:]]*skipped: [0-9]+$/ {s = $2}
     END {printf "%d passed, %d failed, %d skipped\n", p, f, s}' "$log"
exit $status
