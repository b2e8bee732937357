#!/usr/bin/env bash
# The operations check (issue 8): Prometheus config, rules and dashboards against the real platform.
#   ops/check.sh            promtool checks, then the whole platform + a real Prometheus: every target
#                           up, every dashboard query returns data, ServiceDown fires when a service stops
#   ops/check.sh --static   only what needs no running platform (promtool, rule unit tests, dashboard
#                           JSON, compose schema if target/compose-spec.json is there)
# Prometheus is Debian's package, unpacked under target/ops/ (no system install). Everything the check
# writes stays under target/ops/ and .prokash/; it stops what it started, also on Ctrl-C or failure.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
OPS="$ROOT/target/ops"
RUN="$OPS/run"
PROM_HOME="$OPS/prometheus"
PROMETHEUS="$PROM_HOME/usr/bin/prometheus"
PROMTOOL="$PROM_HOME/usr/bin/promtool"
STATIC=false
[ "${1:-}" = --static ] && STATIC=true

passed=0; failed=0; results=()
pass() { passed=$((passed + 1)); results+=("PASS  $1"); echo "PASS  $1"; }
fail() { failed=$((failed + 1)); results+=("FAIL  $1"); echo "FAIL  $1"; }
step() { echo; echo "== $1"; }
check() { # check NAME COMMAND…: runs the command, PASS or FAIL by its exit code, its output indented
  local name="$1"; shift
  local out
  if out="$("$@" 2>&1)"; then pass "$name"; else fail "$name"; fi
  [ -n "$out" ] && sed 's/^/      /' <<<"$out"
  return 0
}

summary() {
  echo
  echo "== Summary"
  for line in "${results[@]}"; do echo "  $line"; done
  echo
  if [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]; then echo "ops check: PASS"; else echo "ops check: FAIL"; fi
  echo "$passed passed, $failed failed"
}

python3 -c 'import yaml' 2>/dev/null || { echo "ops/check.sh needs python3 with PyYAML (apt-get install python3-yaml)" >&2; exit 2; }

step "Prometheus (Debian's package, unpacked under target/ops/)"
if [ ! -x "$PROMETHEUS" ] || [ ! -x "$PROMTOOL" ]; then
  mkdir -p "$OPS/debs"
  rm -f "$OPS"/debs/prometheus_*.deb
  # apt-get download needs no root-owned install; an empty package list needs one update first
  (cd "$OPS/debs" && { apt-get download prometheus >/dev/null 2>&1 \
      || { apt-get update -qq >/dev/null 2>&1 && apt-get download prometheus >/dev/null 2>&1; }; })
  deb="$(ls "$OPS"/debs/prometheus_*.deb 2>/dev/null | head -1)"
  if [ -z "$deb" ]; then
    fail "download Debian's prometheus package (apt-get download prometheus)"
    summary; exit 1
  fi
  rm -rf "$PROM_HOME" && dpkg -x "$deb" "$PROM_HOME"
fi
echo "$("$PROMETHEUS" --version 2>&1 | head -1)"

step "Static checks"
check "promtool check config ops/prometheus/prometheus.yml (compose)" "$PROMTOOL" check config ops/prometheus/prometheus.yml
check "promtool check config ops/prometheus/prometheus.local.yml (loopback)" "$PROMTOOL" check config ops/prometheus/prometheus.local.yml
check "promtool check rules ops/prometheus/rules/*.yml" "$PROMTOOL" check rules ops/prometheus/rules/*.yml
check "promtool test rules ops/prometheus/tests/*.yml (alert unit tests)" "$PROMTOOL" test rules ops/prometheus/tests/*.yml
check "rules: every alert has summary, description and a runbook anchor that exists in ops/RUNBOOK.md" \
  python3 ops/check.py rules
check "dashboards: valid JSON, Prometheus datasource, unique uids, every panel has a query" \
  python3 ops/check.py dashboards
if [ -f target/compose-spec.json ]; then
  check "docker-compose.yml against the Compose Specification (docker/check-compose.py)" \
    python3 docker/check-compose.py target/compose-spec.json
else
  echo "      (compose schema check skipped: no target/compose-spec.json, see ops/README.md)"
fi

if $STATIC; then summary; [ "$failed" -eq 0 ]; exit; fi

# ---- the running platform ------------------------------------------------------------------
PLATFORM_PID=""; PROM_PID=""; STOPPED_PID=""
cleanup() {
  [ -n "$STOPPED_PID" ] && kill -CONT "$STOPPED_PID" 2>/dev/null
  if [ -n "$PROM_PID" ] && kill -0 "$PROM_PID" 2>/dev/null; then
    kill -TERM "$PROM_PID"; wait "$PROM_PID" 2>/dev/null
  fi
  if [ -n "$PLATFORM_PID" ] && kill -0 "$PLATFORM_PID" 2>/dev/null; then
    echo "stopping the platform (SIGTERM to the launcher, pid $PLATFORM_PID)…"
    kill -TERM "$PLATFORM_PID"
    for _ in $(seq 1 120); do kill -0 "$PLATFORM_PID" 2>/dev/null || break; sleep 1; done
    kill -0 "$PLATFORM_PID" 2>/dev/null && { echo "launcher still running after 120 s: SIGKILL"; kill -KILL "$PLATFORM_PID"; }
    wait "$PLATFORM_PID" 2>/dev/null
  fi
  # a launcher stopped while its services were still starting leaves them running: stop those
  for pidfile in "$RUN"/platform/.prokash/*/*-service.pid; do
    [ -f "$pidfile" ] || continue
    pid="$(cat "$pidfile")"
    if tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "$RUN/platform/"; then
      echo "stopping a service the launcher left behind (pid $pid)"
      kill -TERM "$pid"
      for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
      kill -KILL "$pid" 2>/dev/null
    fi
  done
  PROM_PID=""; PLATFORM_PID=""; STOPPED_PID=""
}
trap 'cleanup; summary; exit 1' INT TERM
trap cleanup EXIT

step "Platform"
PORTS_RE=':(9092|9200|55432|8081|8082|8083|8084)$'
taken_ports() { ss -ltnH 2>/dev/null | awk '{print $4}' | grep -E "$PORTS_RE" | sed 's/.*://' | sort -u | tr '\n' ' '; }
# others' runs (./prokash run, a test on a fixed port) come and go: wait for them a while
wait_s="${OPS_CHECK_PORT_WAIT:-300}"
taken="$(taken_ports)"
if [ -n "$taken" ]; then
  echo "platform ports taken: $taken- waiting up to $wait_s s (OPS_CHECK_PORT_WAIT) for them to be free"
  ss -ltnpH 2>/dev/null | grep -E ":(9092|9200|55432|8081|8082|8083|8084) " | sed 's/^/      /'
  for _ in $(seq 1 $((wait_s / 5))); do sleep 5; taken="$(taken_ports)"; [ -z "$taken" ] && break; done
fi
if [ -n "$taken" ]; then
  fail "platform ports free (still taken: $taken- another ./prokash run? try later, or use --static)"
  summary; exit 1
fi
missing=false
for jar in local-platform/target/local-platform.jar ingest-service/target/ingest-service.jar \
           article-service/target/article-service.jar search-service/target/search-service.jar \
           ranking-service/target/ranking-service.jar; do
  [ -f "$jar" ] || missing=true
done
if $missing; then
  echo "a jar is missing: ./prokash build"
  ./prokash build -q || { fail "./prokash build"; summary; exit 1; }
fi
JAVA=""
for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
  [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
  major="$("$candidate/bin/java" -version 2>&1 | sed -nE '1s/.*version "([0-9]+).*/\1/p')"
  if [ "${major:-0}" -ge 21 ] 2>/dev/null; then JAVA="$candidate/bin/java"; break; fi
done
[ -n "$JAVA" ] || { fail "a JDK 21+ under /usr/lib/jvm"; summary; exit 1; }

rm -rf "$RUN" && mkdir -p "$RUN"
# The launcher runs from a snapshot of the jars (target/ops/run/platform: the `prokash` script and
# pom.xml mark it as a repository root): others rebuilding a module while the check runs must not
# swap a jar under a starting service. Its servers' files go to target/ops/run/platform/.prokash.
PLATFORM="$RUN/platform"
mkdir -p "$PLATFORM/local-platform/target" "$PLATFORM/.prokash/tmp"
cp prokash pom.xml "$PLATFORM/"
cp local-platform/target/local-platform.jar "$PLATFORM/local-platform/target/"
for service in ingest-service article-service search-service ranking-service; do
  mkdir -p "$PLATFORM/$service/target" && cp "$service/target/$service.jar" "$PLATFORM/$service/target/"
done
# a jar copied while Maven was still writing it has no central directory yet
if ! python3 -c 'import sys, zipfile; [zipfile.ZipFile(p).close() for p in sys.argv[1:]]' "$PLATFORM"/*/target/*.jar; then
  fail "jars complete (one was being rebuilt while copied: run the check again)"; summary; exit 1
fi
echo "starting: java -jar local-platform.jar run, from a snapshot of the jars in target/ops/run/platform"
echo "          (launcher output: target/ops/run/platform.log; services' logs: target/ops/run/platform/.prokash/)"
(cd "$PLATFORM" && exec "$JAVA" -XX:-UsePerfData -Djava.io.tmpdir="$PLATFORM/.prokash/tmp" -jar local-platform/target/local-platform.jar run) \
  >"$RUN/platform.log" 2>&1 &
PLATFORM_PID=$!
# ten minutes: on two busy cores the servers and four Boot services take their time
for _ in $(seq 1 600); do
  grep -q "Prokash is ready" "$RUN/platform.log" && break
  kill -0 "$PLATFORM_PID" 2>/dev/null || break
  sleep 1
done
if ! grep -q "Prokash is ready" "$RUN/platform.log"; then
  fail "platform started (see target/ops/run/platform.log)"
  tail -30 "$RUN/platform.log" | sed 's/^/      /'
  summary; exit 1
fi
pass "platform started ($(grep -o 'Prokash is ready ([0-9]* s)' "$RUN/platform.log"))"
ADMIN_TOKEN="$(sed -nE "s/.*export PROKASH_ADMIN_TOKEN='([^']+)'.*/\1/p" "$RUN/platform.log" | head -1)"
[ -n "$ADMIN_TOKEN" ] || { fail "PROKASH_ADMIN_TOKEN in the launcher's output"; summary; exit 1; }

step "Prometheus on loopback"
PROM_PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
# the loopback config, faster (5 s scrapes) and with rules whose ServiceDown waits 15 s instead of 1 m
python3 ops/check.py test-config --port "$PROM_PORT" --out "$RUN" || { fail "test copy of the config"; summary; exit 1; }
check "promtool check config (test copy)" "$PROMTOOL" check config "$RUN/prometheus.yml"
"$PROMETHEUS" --config.file="$RUN/prometheus.yml" --storage.tsdb.path="$RUN/data" \
  --web.listen-address="127.0.0.1:$PROM_PORT" --web.console.templates="$PROM_HOME/etc/prometheus/consoles" \
  --web.console.libraries="$PROM_HOME/etc/prometheus/console_libraries" >"$RUN/prometheus.log" 2>&1 &
PROM_PID=$!
export PROM_URL="http://127.0.0.1:$PROM_PORT"
for _ in $(seq 1 60); do curl -sf "$PROM_URL/-/ready" >/dev/null && break; sleep 1; done
if curl -sf "$PROM_URL/-/ready" >/dev/null; then pass "Prometheus ready on $PROM_URL"; else
  fail "Prometheus ready (see target/ops/run/prometheus.log)"; summary; exit 1; fi

step "Traffic: ingest, reads, searches, views"
check "traffic driven through the four services" python3 ops/check.py traffic --token "$ADMIN_TOKEN"

step "What Prometheus sees"
check "every scrape target is up" python3 ops/check.py targets
check "every panel query of every dashboard returns data" python3 ops/check.py queries
check "every recording rule returns data" python3 ops/check.py recordings
check "every metric the rules and dashboards name is exposed (or an awaited meter)" python3 ops/check.py metrics

step "An alert fires when its condition is caused"
# SIGSTOP: the process holds its port but answers nothing, so scrapes time out and up == 0; SIGCONT
# brings it back untouched, so the launcher can still stop it gracefully
INGEST_PID="$(cat "$PLATFORM/.prokash/ingest-service/ingest-service.pid" 2>/dev/null)"
if [ -n "$INGEST_PID" ] && kill -STOP "$INGEST_PID"; then
  STOPPED_PID="$INGEST_PID"
  echo "ingest-service (pid $INGEST_PID) stopped with SIGSTOP"
  check "ServiceDown{job=\"ingest-service\"} goes pending, then firing" python3 ops/check.py alert \
    --name ServiceDown --job ingest-service
  kill -CONT "$INGEST_PID"; STOPPED_PID=""
  echo "ingest-service continued with SIGCONT"
  check "ServiceDown{job=\"ingest-service\"} resolves once the service answers again" python3 ops/check.py alert \
    --name ServiceDown --job ingest-service --resolved
else
  fail "ingest-service pid (target/ops/run/platform/.prokash/ingest-service/ingest-service.pid)"
fi

step "Stopping"
cleanup
# the jar snapshot is 300 MB; the servers' and services' logs stay for a look afterwards
rm -rf "$RUN"/platform/*/target
left="$(for d in /proc/[0-9]*; do tr '\0' ' ' 2>/dev/null <"$d/cmdline" | grep -q "${RUN%/run}/ru[n]/" && echo "${d#/proc/}"; done | tr '\n' ' ')"
if [ -n "$left" ]; then
  fail "platform and Prometheus stopped cleanly (still running: pids $left)"
else
  pass "platform and Prometheus stopped cleanly (no process of target/ops/run left)"
fi
trap - EXIT INT TERM
summary
[ "$failed" -eq 0 ]
