#!/usr/bin/env bash
# SIECLE migration benchmark: generates N synthetic legacy accounts (ISO-8859-15 exports), migrates them into a fresh
# SQLite directory, and prints wall time, accounts/s and peak RSS (GNU time). Not a test: figures go in the report.
#   bench/migration.sh 100000 [1000000 ...]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${BENCH_DIR:-/tmp/supportbot-migration-bench}"
dotnet build "$root/src/Migration" -c Release -v quiet -nologo >/dev/null
app="$root/src/Migration/bin/Release/net10.0/SupportBot.Migration.dll"
mkdir -p "$work"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-10s %-10s %-12s %-12s %-10s\n' accounts wall_s accounts/s peak_rss_MB created
for n in "${@:-100000}"; do
  input="$work/input-$n"
  [ -f "$input/ComptesTeleservices.xml" ] || dotnet "$app" generate --accounts "$n" --out "$input" --seed 2026 >/dev/null
  rm -f "$work/bench-$n.db" "$work/bench-$n.db-wal" "$work/bench-$n.db-shm"
  export Directory__ConnectionString="Data Source=$work/bench-$n.db"
  /usr/bin/time -v -o "$work/time-$n.txt" dotnet "$app" run --siecle "$input/siecle" --comptes "$input/ComptesTeleservices.xml" \
    --report "$work/report-$n" --quiet >/dev/null
  wall=$(python3 -c "import json;print(json.load(open('$work/report-$n/rapport.json'))['durationSeconds'])")
  elapsed=$(awk -F': ' '/Elapsed \(wall clock\)/{print $2}' "$work/time-$n.txt" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(awk -F': ' '/Maximum resident set size/{printf "%.0f", $2/1024}' "$work/time-$n.txt")
  created=$(python3 -c "import json;print(json.load(open('$work/report-$n/rapport.json'))['accountsCreated'])")
  rate=$(python3 -c "print(round($n/$elapsed))")
  printf '%-10s %-10s %-12s %-12s %-10s (in-process %ss)\n' "$n" "$elapsed" "$rate" "$rss" "$created" "$wall"
  python3 -c "import json;print('           phases: ' + ', '.join(f\"{p['phase']} {p['seconds']} s (GC {p['gcPauseSeconds']} s, heap {p['heapMegabytes']} MB)\" for p in json.load(open('$work/report-$n/rapport.json'))['phases']))"
  echo "           load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
done
