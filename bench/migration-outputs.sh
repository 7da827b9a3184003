#!/usr/bin/env bash
# What a change to the migration must not alter: runs the Release build on N generated accounts into a fresh SQLite
# file, exports the accounts, and prints the md5 of the export, of rejets.csv and of rapport.json's counts (durations
# and phases left out). Run it before and after a change: the three lines must be equal.
#   bench/migration-outputs.sh [N=100000]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-100000}"
work="${BENCH_DIR:-/tmp/supportbot-migration-bench}"
dotnet build "$root/src/Migration" -c Release -v quiet -nologo >/dev/null
app="$root/src/Migration/bin/Release/net10.0/SupportBot.Migration.dll"
input="$work/input-$n"
[ -f "$input/ComptesTeleservices.xml" ] || dotnet "$app" generate --accounts "$n" --out "$input" --seed 2026 >/dev/null
out="$work/outputs-$n"
rm -rf "$out"; mkdir -p "$out"
export Directory__ConnectionString="Data Source=$out/directory.db"
dotnet "$app" run --siecle "$input/siecle" --comptes "$input/ComptesTeleservices.xml" --report "$out/report" --quiet >/dev/null
dotnet "$app" accounts export --out "$out/accounts.csv" >/dev/null
/usr/bin/env python3 - "$out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1] + '/report/rapport.json'))
def strip(o):
    if isinstance(o, dict):
        return {k: strip(v) for k, v in o.items() if k not in ('durationSeconds', 'phases', 'startedAt', 'finishedAt', 'generatedAt')}
    if isinstance(o, list):
        return [strip(x) for x in o]
    return o
json.dump(strip(d), open(sys.argv[1] + '/counts.json', 'w'), sort_keys=True, indent=1)
PY
cd "$out" && md5sum accounts.csv report/rejets.csv counts.json
