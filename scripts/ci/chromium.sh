# Sourced by .ci/run: the real-browser web chat test (test/e2e) needs Debian's chromium.
# Prints one line; installs chromium with apt-get when /usr/bin/chromium is missing; on failure it
# prints a one-line reason and stops CI.
ci_chromium_install() {
  if [ -x /usr/bin/chromium ]; then
    echo "chromium: present ($(/usr/bin/chromium --version 2>/dev/null | head -n 1 || echo 'version unknown'))"
    return 0
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "chromium: FAILED: /usr/bin/chromium is missing and apt-get is not available"
    return 1
  fi
  local log=/tmp/motcua-chromium-install.log
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >"$log" 2>&1; then
    echo "chromium: FAILED: apt-get install chromium: $(grep -E '^(E|W):' "$log" | tail -n 1 || tail -n 1 "$log")"
    return 1
  fi
  if [ ! -x /usr/bin/chromium ]; then
    echo "chromium: FAILED: installed, but /usr/bin/chromium is still missing"
    return 1
  fi
  echo "chromium: installed ($(/usr/bin/chromium --version 2>/dev/null | head -n 1 || echo 'version unknown'))"
}
ci_chromium_install || exit 1
