#!/usr/bin/env bash
# Direct Line load: starts the service (Release, embedded SQLite, demo data) on loopback, its data in a temporary folder, warms it
# up until the JIT has finished (a warm-up pass at the highest level or 200, in both transports, is repeated until it compiles
# fewer than 10 methods: before that, the tiered JIT recompiling hot methods was up to 40 % of the service's CPU), then
# runs `bench directline` from a second process at each level of concurrent conversations (default 50 and 200), in both
# Web Chat transports (polling, WebSocket stream). One JSON line per level and transport, with the service's CPU time
# and the methods the JIT compiled during it.
# Usage: bench/directline-load.sh [rounds] [levels...]      e.g. bench/directline-load.sh 3 1 5 20 50 200
# SERVICE_FROM=<checkout> runs the service built (Release) in another checkout, e.g. a clone at an earlier commit, with
# this checkout's load client: before and after, measured alternately in one run of the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-3}"
shift || true
levels=("${@:-50 200}")
[ $# -eq 0 ] && levels=(50 200)
port=5097
work=$(mktemp -d)
secret="bench-secret-$(date +%s)-0123456789abcdef"
service_from="$(cd "${SERVICE_FROM:-.}" && pwd)"
if curl -s -o /dev/null "http://127.0.0.1:$port/health"; then
  echo "directline-load: port $port is already in use (a service left over from an earlier run?)" >&2
  exit 1
fi
dotnet build -c Release -v q -nologo -clp:ErrorsOnly bench/SupportBot.Bench >/dev/null
dotnet build -c Release -v q -nologo -clp:ErrorsOnly "$service_from/src/Bot" >/dev/null
(
  cd "$work"
  # The JIT's summary (one line per method compiled) tells when the warm-up is done.
  DOTNET_JitStdOutFile="$work/jit.log" DOTNET_JitDisasmSummary=1 \
  Data__Folder="$work/data" DirectLine__Secret="$secret" ASPNETCORE_URLS="http://127.0.0.1:$port" Logging__LogLevel__Default=Warning \
    exec dotnet "$service_from/src/Bot/bin/Release/net10.0/SupportBot.Bot.dll" --contentRoot "$service_from/src/Bot"
) >"$work/service.log" 2>&1 &
service=$!
finish() {
  local status=$?
  kill "$service" 2>/dev/null
  wait "$service" 2>/dev/null
  # A failed run shows what the service logged as failures before its folder goes.
  if [ "$status" -ne 0 ] && grep -qE '^(fail|crit):' "$work/service.log"; then
    echo "directline-load: the service's failures:" >&2
    grep -E -A12 '^(fail|crit):' "$work/service.log" | head -60 >&2
  fi
  rm -rf "$work"
}
trap finish EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done
load() {
  dotnet bench/SupportBot.Bench/bin/Release/net10.0/SupportBot.Bench.dll directline \
    --url "http://127.0.0.1:$port" --secret "$secret" --conversations "$1" --rounds "$2" --transport "$3"
}
cpu() { awk '{print $14+$15}' "/proc/$service/stat"; }
jitted() { cat "$work/jit.log" 2>/dev/null | wc -l; }
# Warm-up at 200 conversations at least: fewer calls per pass leave methods crossing the JIT's thresholds pass after pass.
warm=$(printf '%s\n' "${levels[@]}" 200 | sort -n | tail -1)
passes=0
while :; do
  passes=$((passes + 1))
  compiled=$(jitted)
  for transport in polling websocket; do load "$warm" 10 "$transport" >/dev/null; done
  compiled=$(($(jitted) - compiled))
  if [ "$compiled" -lt 10 ] || [ "$passes" -ge 20 ]; then break; fi
done
if [ "$compiled" -ge 10 ]; then
  echo "directline-load: the JIT was still compiling after $passes warm-up passes ($compiled methods in the last)" >&2
fi
if [ ! -s "$work/jit.log" ]; then
  echo "directline-load: the runtime wrote no JIT summary ($work/jit.log): the warm-up could not tell when the JIT had finished" >&2
fi
echo "machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GB", $2/1048576}' /proc/meminfo); service: $(git -C "$service_from" describe --always --dirty); warm-up: $passes pass(es) of $warm conversations x 10 rounds per transport, the last compiling $compiled method(s)"
ticks=$(getconf CLK_TCK)
for n in "${levels[@]}"; do
  for transport in polling websocket; do
    before=$(cpu)
    methods=$(jitted)
    line=$(load "$n" "$rounds" "$transport")
    after=$(cpu)
    methods=$(($(jitted) - methods))
    echo "${line%\}},\"service_cpu_s\":$(awk -v t="$((after - before))" -v h="$ticks" 'BEGIN{printf "%.2f", t/h}'),\"jit_methods\":$methods}"
  done
done
