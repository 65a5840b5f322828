#!/usr/bin/env bash
# Prints the real kiosk's CPU use and memory while it shows a static slide under Xvfb: the
# event-driven loop should idle near 0 % between the minute's clock update and slide changes.
# Figures only; nothing is asserted (shared CI machines are noisy).
set -euo pipefail
kiosk="${1:?usage: idle_cpu.sh KIOSK_BINARY SLIDES_DIR}"
slides="${2:?usage: idle_cpu.sh KIOSK_BINARY SLIDES_DIR}"
work="$(mktemp -d)"
display=":$((200 + $$ % 500))"
cleanup() {
  [[ -n "${kiosk_pid:-}" ]] && kill "$kiosk_pid" 2>/dev/null || true
  [[ -n "${xvfb_pid:-}" ]] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# One slide that stays up for the whole measurement, so only the idle loop is measured.
mkdir -p "$work/slides/art"
cp "$slides"/art/*.svg "$work/slides/art/"
printf '+++\nimage = "art/massage.svg"\nduration = 600\n+++\n# How massage can help\nBlood flows more easily through the aching areas.\n' \
  > "$work/slides/010-still.md"
# Everything the kiosk writes stays in the temp folder, never in the system's /var/lib/kiosk.
printf '[kiosk]\nstate_dir = "%s/state"\n[staff]\nstats_file = "%s/usage.log"\n' "$work" "$work" > "$work/kiosk.toml"

Xvfb "$display" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do xdpyinfo -display "$display" >/dev/null 2>&1 && break; sleep 0.1; done
DISPLAY="$display" "$kiosk" run --config "$work/kiosk.toml" --slides "$work/slides" >"$work/log" 2>&1 &
kiosk_pid=$!
sleep 3  # start-up and first paint are not idle

ticks() { awk '{print $14 + $15}' "/proc/$kiosk_pid/stat"; }
hz=$(getconf CLK_TCK)
t0=$(ticks); s0=$(date +%s.%N)
sleep 10
t1=$(ticks); s1=$(date +%s.%N)
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$kiosk_pid/status")
hwm_kb=$(awk '/VmHWM/ {print $2}' "/proc/$kiosk_pid/status")
awk -v t=$((t1 - t0)) -v hz="$hz" -v a="$s0" -v b="$s1" -v rss="$rss_kb" -v hwm="$hwm_kb" 'BEGIN {
  printf "kiosk run, static slide at 1920x1080 under Xvfb: CPU %.2f %% of one core over %.1f s (target < 2 %%); memory %d MB now, %d MB peak (target < 150 MB)\n",
         100 * t / hz / (b - a), b - a, rss / 1024, hwm / 1024 }'
