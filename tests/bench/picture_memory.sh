#!/usr/bin/env bash
# Prints the real kiosk's memory while it cycles a deck under Xvfb (2-3 s slides), optionally with
# staff re-exporting a picture every 2 s (EDITS=1): the resident size should reach a plateau,
# because pictures live once in the deck and only a few textures are held. Figures only.
# Usage: [EDITS=1] picture_memory.sh KIOSK_BINARY SLIDES_DIR [SECONDS]
set -euo pipefail
kiosk="${1:?usage: picture_memory.sh KIOSK_BINARY SLIDES_DIR [SECONDS]}"
slides="${2:?usage: picture_memory.sh KIOSK_BINARY SLIDES_DIR [SECONDS]}"
secs="${3:-60}"
work="$(mktemp -d)"
display=":$((300 + $$ % 400))"
cleanup() {
  [[ -n "${kiosk_pid:-}" ]] && kill "$kiosk_pid" 2>/dev/null || true
  [[ -n "${xvfb_pid:-}" ]] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
cp -r "$slides" "$work/slides"
printf '[player]\nmin_slide_seconds = 2\nmax_slide_seconds = 3\ntransition_seconds = 0.3\n[printer]\nuri = "none"\n[staff]\nstats_file = "%s/usage.log"\n' \
  "$work" > "$work/kiosk.toml"
Xvfb "$display" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do xdpyinfo -display "$display" >/dev/null 2>&1 && break; sleep 0.1; done
DISPLAY="$display" "$kiosk" run --config "$work/kiosk.toml" --slides "$work/slides" >"$work/log" 2>&1 &
kiosk_pid=$!
sleep 5
samples=""
mapfile -t pictures < <(ls "$work/slides/art/"* 2>/dev/null | grep -i '\.svg$' || true)
for ((t = 5; t <= secs; t += 10)); do
  samples+="$(awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$kiosk_pid/status") "
  if [[ "${EDITS:-0}" == 1 && ${#pictures[@]} -gt 0 ]]; then
    for i in 1 2 3 4 5; do  # new content for one picture every 2 s (an SVG comment appended)
      echo "<!-- edit $t $i -->" >> "${pictures[$(( (t / 2 + i) % ${#pictures[@]} ))]}"
      sleep 2
    done
  else
    sleep 10
  fi
done
echo "kiosk run, $(basename "$slides") at 1920x1080, edits=${EDITS:-0}: RSS MB every 10 s: ${samples}; peak $(awk '/VmHWM/ {printf "%d", $2 / 1024}' "/proc/$kiosk_pid/status") MB"
