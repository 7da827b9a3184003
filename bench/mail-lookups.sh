#!/usr/bin/env bash
# Account look-ups against the running service, as an attacker on one client address would make them, over Direct Line
# on loopback (Release build, embedded SQLite, demo data, mail to the outbox folder):
#  (a) how many identifier look-ups one address gets in an hour, and how many mails its victim receives: the help page's
#      token endpoint (POST /api/directline/token, as Web Chat) for each new conversation, look-ups of the demo address
#      valery.durant@example.fr until the bot refuses, for WINDOW seconds (whole minutes: the token endpoint's cap is
#      per minute, a shorter window would count a whole minute's tokens), with the service's default limits. The hour
#      is extrapolated from the window: if the bot still refuses at its end, the limits hold for the hour (their window is
#      an hour) and the hour's figure is what the window got; otherwise the window's rate times 3600 / WINDOW. Mails are
#      counted in the outbox once the mail worker has sent everything.
#  (b) whether the look-up's time tells that an account exists: TRIES look-ups of the known address and TRIES of an
#      unknown one of the same length, in pairs of random order, each in a new conversation, timing the POST of the
#      address (it returns once the turn is over); medians and the two-sided Mann-Whitney U p-value (normal
#      approximation, tie and continuity corrections). A second service with the look-up limits raised (else the bot
#      refuses after a few), mail to the outbox (MODE pickup) or to a local SMTP server answering each mail in 200 ms
#      (MODE smtp, Debian's python3-aiosmtpd).
# One JSON line each. Ports are checked free; each process started here is stopped by its pid.
# Usage: bench/mail-lookups.sh [WINDOW=180] [TRIES=100] [MODE=pickup|smtp]      e.g. bench/mail-lookups.sh 300 200 smtp
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
window="${1:-180}"
(( window >= 60 && window % 60 == 0 )) || { echo "WINDOW is a whole number of minutes, in seconds (60, 120, 180...)" >&2; exit 1; }
tries="${2:-100}"
mode="${3:-pickup}"
[[ "$mode" == pickup || "$mode" == smtp ]] || { echo "MODE is pickup or smtp" >&2; exit 1; }
python=/usr/bin/python3   # Debian's: python3-aiosmtpd is installed for it (./test.sh)
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

dotnet build "$root/src/Bot" -c Release -v quiet -nologo -clp:ErrorsOnly >/dev/null
app="$root/src/Bot/bin/Release/net10.0/SupportBot.Bot.dll"

free_port() {
  local port
  port=$("$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "port $port is in use" >&2; exit 1; fi
  echo "$port"
}

# start_service NAME PORT [VAR=VALUE...]: the service in $work/NAME (its own data folder), waits for /health.
start_service() {
  local name=$1 port=$2
  shift 2
  mkdir -p "$work/$name"
  (cd "$work/$name" && exec env ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Production Data__Folder="$work/$name/data" \
    Logging__LogLevel__Default=Warning "$@" dotnet "$app" --contentRoot "$root/src/Bot") >"$work/$name.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && return 0; sleep 0.2; done
  echo "the service $name did not start:" >&2; cat "$work/$name.log" >&2; exit 1
}

stop_last() {
  local pid=${pids[-1]}
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  unset 'pids[-1]'
}

cat >"$work/client.py" <<'PY'
import json, math, random, sys, time, urllib.error, urllib.request, email, glob, os

base = sys.argv[2]

def call(method, path, body=None, token=None):
    request = urllib.request.Request(base + path, method=method, data=None if body is None else json.dumps(body).encode())
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read() or b"null"), response.headers
    except urllib.error.HTTPError as e:
        return e.code, None, e.headers

class Conversation:
    def __init__(self, token):
        status, body, _ = call("POST", "/v3/directline/conversations", {}, token)
        if status not in (200, 201):
            raise RuntimeError(f"start: {status}")
        self.id, self.token = body["conversationId"], body["token"]

    def send(self, text):
        """Posts a message; returns (seconds until the service answered, the bot's reply to it)."""
        started = time.perf_counter()
        status, body, _ = call("POST", f"/v3/directline/conversations/{self.id}/activities",
                               {"type": "message", "text": text, "from": {"id": "attacker"}}, self.token)
        elapsed = time.perf_counter() - started
        if status != 200:
            raise RuntimeError(f"post: {status}")
        _, activities, _ = call("GET", f"/v3/directline/conversations/{self.id}/activities", None, self.token)
        reply = "\n".join(a.get("text") or "" for a in activities["activities"] if a.get("replyToId") == body["id"] and a["type"] == "message")
        return elapsed, reply

def outbox_mails(folder, to):
    count = 0
    for path in glob.glob(os.path.join(folder, "*")):
        if os.path.isfile(path) and not os.path.basename(path).startswith("."):
            with open(path, "rb") as f:
                if to in (email.message_from_binary_file(f).get("To") or ""):
                    count += 1
    return count

def drained(folder, to):
    """The mails to `to`, once the worker has sent nothing more for 5 s."""
    last, stable = -1, 0
    while stable < 5:
        count = outbox_mails(folder, to)
        stable = stable + 1 if count == last else 0
        last = count
        time.sleep(1)
    return last

def limits(window, outbox):
    victim = "valery.durant@example.fr"
    accepted = refused = tokens = token_waits = 0
    blocked_since = None        # since when even a new conversation (a new user) is refused: the address or target is capped
    started = time.monotonic()
    conversation, fresh = None, False
    while time.monotonic() - started < window:
        if conversation is None:
            status, body, headers = call("POST", "/api/directline/token")
            if status == 429:
                token_waits += 1
                time.sleep(float(headers.get("Retry-After") or 1))
                continue
            tokens += 1
            conversation, fresh = Conversation(body["token"]), True
        _, ask = conversation.send("j'ai oublié mon identifiant")
        if "adresse" not in ask:
            conversation = None
            continue
        _, reply = conversation.send(victim)
        if "limité" in reply:
            refused += 1
            if fresh and blocked_since is None:
                blocked_since = time.monotonic() - started
            conversation = None     # a new conversation, a new user: what an attacker does next
        elif "Si un compte" in reply:
            accepted += 1
            blocked_since = None
        else:
            raise RuntimeError("unexpected reply: " + reply)
        fresh = False
    elapsed = time.monotonic() - started
    mails = drained(outbox, victim)
    held = blocked_since is not None       # still refused at the end of the window: the hourly limit is reached
    print(json.dumps({
        "bench": "lookups-per-address", "window_s": round(elapsed, 1), "tokens": tokens, "token_429": token_waits,
        "lookups_accepted": accepted, "lookups_refused": refused, "mails_to_victim": mails,
        "blocked_at_end": held, "blocked_since_s": None if blocked_since is None else round(blocked_since, 1),
        "lookups_per_hour": accepted if held else round(accepted * 3600 / elapsed),
        "mails_per_hour": mails if held else round(mails * 3600 / elapsed),
    }, ensure_ascii=False))

def mann_whitney(x, y):
    n1, n2 = len(x), len(y)
    n = n1 + n2
    pooled = sorted([(v, 1) for v in x] + [(v, 0) for v in y])
    rank_sum, ties, i = 0.0, 0.0, 0
    while i < n:
        j = i
        while j + 1 < n and pooled[j + 1][0] == pooled[i][0]:
            j += 1
        rank = (i + j) / 2 + 1
        rank_sum += sum(rank for k in range(i, j + 1) if pooled[k][1])
        ties += (j - i + 1) ** 3 - (j - i + 1)
        i = j + 1
    u = rank_sum - n1 * (n1 + 1) / 2
    sigma = math.sqrt(n1 * n2 / 12 * (n + 1 - ties / (n * (n - 1))))
    z = max(0.0, abs(u - n1 * n2 / 2) - 0.5) / sigma
    return math.erfc(z / math.sqrt(2))

def median(values):
    s = sorted(values)
    return s[len(s) // 2] if len(s) % 2 else (s[len(s) // 2 - 1] + s[len(s) // 2]) / 2

def timing(tries, secret, mode, outbox):
    known, unknown = "valery.durant@example.fr", "valery.durand@example.fr"
    def look_up(address):
        conversation = Conversation(secret)
        conversation.send("j'ai oublié mon identifiant")
        elapsed, reply = conversation.send(address)
        if "Si un compte" not in reply:
            raise RuntimeError("unexpected reply: " + reply)
        return elapsed * 1000
    for _ in range(10):                     # warm-up (JIT, pools), not counted
        look_up(known), look_up(unknown)
    rng = random.Random(15)
    times = {known: [], unknown: []}
    for _ in range(tries):
        pair = [known, unknown]
        rng.shuffle(pair)
        for address in pair:
            times[address].append(look_up(address))
    mails = drained(outbox, known)
    print(json.dumps({
        "bench": "lookup-timing", "mail": mode, "tries_each": tries,
        "known_median_ms": round(median(times[known]), 3), "unknown_median_ms": round(median(times[unknown]), 3),
        "difference_ms": round(median(times[known]) - median(times[unknown]), 3),
        "mann_whitney_p": float(f"{mann_whitney(times[known], times[unknown]):.3g}"),
        "mails_to_known": mails, "mails_expected": tries + 10,
    }))

if sys.argv[1] == "limits":
    limits(float(sys.argv[3]), sys.argv[4])
else:
    timing(int(sys.argv[3]), sys.argv[4], sys.argv[5], sys.argv[6])
PY

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); (a) ${window} s with the default limits, (b) ${tries} look-ups each, mail: $mode" >&2

# (a) The service as deployed: default limits, the help page's token endpoint.
port=$(free_port)
start_service limits "$port"
"$python" "$work/client.py" limits "http://127.0.0.1:$port" "$window" "$work/limits/data/outbox"
stop_last

# (b) Limits raised, a Direct Line secret for the client; mail to the outbox or to a slow SMTP server.
secret="bench-secret-$(date +%s)-0123456789abcdef"
port=$(free_port)
settings=(DirectLine__Secret="$secret" Dialogs__LookupsPerClientAddress=100000 Dialogs__LookupsPerTarget=100000)
outbox="$work/timing/data/outbox"
if [[ "$mode" == smtp ]]; then
  smtp_port=$(free_port)
  mkdir -p "$work/smtp"
  cat >"$work/smtp/slow_mailbox.py" <<'PY'
import asyncio
from aiosmtpd.handlers import Mailbox

class SlowMailbox(Mailbox):
    def __init__(self, mail_dir, delay):
        super().__init__(mail_dir)
        self.delay = float(delay)

    async def handle_DATA(self, server, session, envelope):
        await asyncio.sleep(self.delay)
        return await super().handle_DATA(server, session, envelope)

    @classmethod
    def from_cli(cls, parser, *args):
        return cls(args[0], args[1])
PY
  PYTHONPATH="$work/smtp" "$python" -m aiosmtpd -n -l "127.0.0.1:$smtp_port" -c slow_mailbox.SlowMailbox "$work/smtp/maildir" 0.2 \
    >"$work/smtp.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 50); do (exec 3<>"/dev/tcp/127.0.0.1/$smtp_port") 2>/dev/null && break; sleep 0.2; done
  settings+=(Mail__Mode=Smtp Mail__Smtp__Host=127.0.0.1 Mail__Smtp__Port="$smtp_port" Mail__Smtp__Security=None)
  outbox="$work/smtp/maildir/new"
fi
start_service timing "$port" "${settings[@]}"
"$python" "$work/client.py" timing "http://127.0.0.1:$port" "$tries" "$secret" "$mode" "$outbox"
