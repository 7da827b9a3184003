#!/usr/bin/env bash
# schools import at national size: the embedded Ille-et-Vilaine extract (996 rows, 685 schools) replicated under the
# UAI prefixes of 67 départements (66,732 rows, 45,895 schools, the size of the national annuaire), imported with the
# built program into a fresh SQLite directory, then again (nothing changes), then a changed copy (a tenth of the
# schools renamed, a fiftieth gone, and one whole département left out, which closes nothing there). Not a test:
# figures go in bench/schools-import.md.
#   bench/schools-import.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${BENCH_DIR:-/tmp/supportbot-schools-bench}"
dotnet build "$root/src/Bot" -c Release -v quiet -nologo >/dev/null
app="$root/src/Bot/bin/Release/net10.0/SupportBot.Bot.dll"
rm -rf "$work" && mkdir -p "$work"
python3 - "$root/src/Directory/Schools/Reference/annuaire-education-35.csv" "$work" <<'PY'
import sys
source, work = sys.argv[1], sys.argv[2]
lines = open(source, encoding="utf-8-sig").read().splitlines()
header, rows = lines[0], lines[1:]
codes = [f"{d:03d}" for d in range(1, 96) if d != 20][:61] + ["620", "720", "971", "972", "973", "974"]
def national(rename_every=0, drop_every=0, drop=None):
    out = [header]
    for code in codes:
        if code == drop:
            continue
        for i, row in enumerate(rows):
            f = row.split(";")
            if drop_every and f[2] == "Ecole" and i % drop_every == 7:
                continue
            uai = code + f[0][3:]
            f[21] = f[21].replace(f[0], uai)  # Mail
            f[0] = uai
            if rename_every and f[2] == "Ecole" and i % rename_every == 0:
                f[1] += " (renommée)"
            out.append(";".join(f))
    return "\ufeff" + "\n".join(out) + "\n"
open(f"{work}/national.csv", "w", encoding="utf-8").write(national())
open(f"{work}/national-changed.csv", "w", encoding="utf-8").write(national(rename_every=10, drop_every=50, drop="056"))
PY
export Data__Folder="$work/data" Directory__ReferenceSchools=Never Directory__DemoData=Never
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for run in "national.csv (empty directory)" "national.csv (again)" "national-changed.csv"; do
  file="$work/${run%% *}"
  /usr/bin/time -f "%e %M" -o "$work/time.txt" dotnet "$app" schools import "$file" 2>/dev/null | sed -n '3,4p' | sed 's/^/    /'
  read -r wall rss < "$work/time.txt"
  printf '%-32s wall %6ss  peak RSS %4s MB\n' "$run" "$wall" "$((rss / 1024))"
done
echo "file: $(wc -l < "$work/national.csv") lines, $(du -h "$work/national.csv" | cut -f1); load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
