#!/usr/bin/env bash
# Direct Line load: starts the service (Release, embedded SQLite, demo data) on loopback, its data in a temporary folder, warms it
# up (JIT, connection pools), then runs `bench directline` from a second process at each level of concurrent
# conversations (default 50 and 200), in both Web Chat transports (polling, WebSocket stream). One JSON line per level
# and transport, with the service's CPU time during it.
# Usage: bench/directline-load.sh [rounds] [levels...]      e.g. bench/directline-load.sh 3 1 5 20 50 200
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-3}"
shift || true
levels=("${@:-50 200}")
[ $# -eq 0 ] && levels=(50 200)
port=5097
work=$(mktemp -d)
secret="bench-secret-$(date +%s)-0123456789abcdef"
dotnet build -c Release -v q -nologo -clp:ErrorsOnly bench/SupportBot.Bench >/dev/null
(
  cd "$work"
  Data__Folder="$work/data" DirectLine__Secret="$secret" ASPNETCORE_URLS="http://127.0.0.1:$port" Logging__LogLevel__Default=Warning \
    exec dotnet "$OLDPWD/src/Bot/bin/Release/net10.0/SupportBot.Bot.dll" --contentRoot "$OLDPWD/src/Bot"
) >"$work/service.log" 2>&1 &
service=$!
trap 'kill $service 2>/dev/null; wait $service 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done
load() {
  dotnet bench/SupportBot.Bench/bin/Release/net10.0/SupportBot.Bench.dll directline \
    --url "http://127.0.0.1:$port" --secret "$secret" --conversations "$1" --rounds "$2" --transport "$3"
}
cpu() { awk '{print $14+$15}' "/proc/$service/stat"; }
echo "machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GB", $2/1048576}' /proc/meminfo); warm-up (JIT tiers): 50 conversations x 20 rounds, twice per transport"
for transport in polling websocket polling websocket; do load 50 20 "$transport" >/dev/null; done
ticks=$(getconf CLK_TCK)
for n in "${levels[@]}"; do
  for transport in polling websocket; do
    before=$(cpu)
    line=$(load "$n" "$rounds" "$transport")
    after=$(cpu)
    echo "${line%\}},\"service_cpu_s\":$(awk -v t="$((after - before))" -v h="$ticks" 'BEGIN{printf "%.2f", t/h}')}"
  done
done
