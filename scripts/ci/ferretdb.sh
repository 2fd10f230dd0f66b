# shellcheck shell=bash
# Sourced by .ci/run. MongoDB cannot be installed on the build machines, so CI runs the contract suite
# against FerretDB v1 (MongoDB wire protocol over its SQLite handler). Builds it once per machine
# (cached under ~/.cache/motcua/ferretdb), starts it on a free local port, exports MONGODB_URI and
# defines ci_stop_ferretdb. Any failure ends CI with one line.

FERRETDB_VERSION="${FERRETDB_VERSION:-v1.24.0}"
FERRETDB_BIN_DIR="${MOTCUA_CACHE_DIR:-$HOME/.cache/motcua}/ferretdb/$FERRETDB_VERSION"

ci_ferretdb_fail() {
  echo "CI: FerretDB could not be started: $1"
  exit 1
}

ci_ferretdb_build() {
  [ -x "$FERRETDB_BIN_DIR/ferretdb" ] && return 0
  command -v go >/dev/null 2>&1 || ci_ferretdb_fail "go is not installed"
  mkdir -p "$FERRETDB_BIN_DIR" || ci_ferretdb_fail "cannot create $FERRETDB_BIN_DIR"
  local log="$FERRETDB_BIN_DIR/build.log" mod="github.com/FerretDB/FerretDB" info src work
  # A plain `go install $mod/cmd/ferretdb@version` builds a binary that panics at start-up because the
  # module lacks the generated build/version/version.txt (FerretDB issue #2982). So: fetch the module
  # through the proxy, add that file to a writable copy, and `go install` from there.
  : >"$log"
  info="$(go mod download -json "$mod@$FERRETDB_VERSION" 2>>"$log")" || true
  src="$(printf '%s' "$info" | node -e '
    let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
      let j = {}; try { j = JSON.parse(s); } catch {}
      if (j.Dir) console.log(j.Dir); else { console.error(j.Error || "no module information"); process.exit(1); }
    });' 2>>"$log")" || src=""
  [ -n "$src" ] || ci_ferretdb_fail "go mod download $mod@$FERRETDB_VERSION failed: $(tail -n 1 "$log")"
  work="$(mktemp -d "${TMPDIR:-/tmp}/motcua-ferretdb-src.XXXXXX")" || ci_ferretdb_fail "mktemp failed"
  cp -R "$src/." "$work/" && chmod -R u+w "$work" && echo "$FERRETDB_VERSION" >"$work/build/version/version.txt" ||
    ci_ferretdb_fail "cannot prepare sources in $work"
  # Newer Go refuses an old dependency's go:linkname at link time; retry with the known workaround.
  (cd "$work" && GOBIN="$FERRETDB_BIN_DIR" GOFLAGS=-buildvcs=false go install ./cmd/ferretdb >>"$log" 2>&1) ||
    (cd "$work" && GOBIN="$FERRETDB_BIN_DIR" GOFLAGS=-buildvcs=false go install -ldflags=-checklinkname=0 ./cmd/ferretdb >>"$log" 2>&1) ||
    { rm -rf "$work"; ci_ferretdb_fail "go install of $mod@$FERRETDB_VERSION failed: $(tail -n 1 "$log") (log $log)"; }
  rm -rf "$work"
}

ci_ferretdb_free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

ci_ferretdb_start() {
  FERRETDB_DIR="$(mktemp -d "${TMPDIR:-/tmp}/motcua-ferretdb.XXXXXX")" || ci_ferretdb_fail "mktemp failed"
  local port
  port="$(ci_ferretdb_free_port)" || ci_ferretdb_fail "no free local port"
  "$FERRETDB_BIN_DIR/ferretdb" \
    --handler=sqlite --sqlite-url="file:$FERRETDB_DIR/" \
    --listen-addr="127.0.0.1:$port" --debug-addr=- \
    --state-dir="$FERRETDB_DIR" --telemetry=disable \
    --log-level=warn >"$FERRETDB_DIR/ferretdb.log" 2>&1 &
  FERRETDB_PID=$!
  local i
  for i in $(seq 1 100); do
    kill -0 "$FERRETDB_PID" 2>/dev/null ||
      ci_ferretdb_fail "process exited: $(tail -n 1 "$FERRETDB_DIR/ferretdb.log" 2>/dev/null)"
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      export MONGODB_URI="mongodb://127.0.0.1:$port/"
      echo "CI: FerretDB $FERRETDB_VERSION listening at $MONGODB_URI (log $FERRETDB_DIR/ferretdb.log)"
      return 0
    fi
    sleep 0.1
  done
  kill "$FERRETDB_PID" 2>/dev/null || true
  ci_ferretdb_fail "not accepting connections on 127.0.0.1:$port after 10 s"
}

ci_stop_ferretdb() {
  if [ -n "${FERRETDB_PID:-}" ]; then
    kill "$FERRETDB_PID" 2>/dev/null || true
    wait "$FERRETDB_PID" 2>/dev/null || true
    FERRETDB_PID=
  fi
  [ -n "${FERRETDB_DIR:-}" ] && rm -rf "$FERRETDB_DIR"
  return 0
}

ci_ferretdb_build
ci_ferretdb_start
