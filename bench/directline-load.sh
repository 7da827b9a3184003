#!/usr/bin/env bash
# Direct Line load: starts the service (Release, embedded SQLite, demo data) on loopback in a temporary folder, then
# runs `bench directline` from a second process at 50 and 200 concurrent conversations. One JSON line per level.
# Usage: bench/directline-load.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-3}"
port=5097
work=$(mktemp -d)
secret="bench-secret-$(date +%s)-0123456789abcdef"
dotnet build -c Release -v q -nologo -clp:ErrorsOnly bench/SupportBot.Bench
(
  cd "$work"
  DirectLine__Secret="$secret" ASPNETCORE_URLS="http://127.0.0.1:$port" Logging__LogLevel__Default=Warning \
    exec dotnet "$OLDPWD/src/Bot/bin/Release/net10.0/SupportBot.Bot.dll" --contentRoot "$OLDPWD/src/Bot"
) >"$work/service.log" 2>&1 &
service=$!
trap 'kill $service 2>/dev/null; wait $service 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done
for n in 50 200; do
  dotnet bench/SupportBot.Bench/bin/Release/net10.0/SupportBot.Bench.dll directline \
    --url "http://127.0.0.1:$port" --secret "$secret" --conversations "$n" --rounds "$rounds"
done
