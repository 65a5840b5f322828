#!/usr/bin/env bash
# One entry point for a fresh Debian 12 box (root, or a user with sudo):
#   deploy/setup.sh run    install what the kiosk needs, build it, run it on the bundled slides
#   deploy/setup.sh test   install what the tests need, build (warnings as errors), run every test,
#                          then build with AddressSanitizer + UBSan and run the suites again, then
#                          fuzz the parsers (tests/fuzz, clang + libFuzzer) for a bounded time
# Re-running is safe: apt skips what is installed and CMake rebuilds only what changed.
set -euo pipefail

mode="${1:-}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

if [[ $(id -u) -eq 0 ]]; then SUDO=(); else SUDO=(sudo); fi

# Build tools and the libraries the kiosk links (all from Debian 12).
build_packages=(build-essential cmake ninja-build pkg-config
  libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev libimgui-dev libmd4c-dev libtomlplusplus-dev
  libqrencode-dev libcups2-dev libcairo2-dev libfontconfig-dev libsystemd-dev libcrypt-dev
  libmicrohttpd-dev libespeak-ng-dev  # the staff web page (kiosk web); read aloud
  fonts-noto-core fonts-dejavu-core
  file)  # file: CPack's dpkg-shlibdeps step finds the ELF files with it
# The real parts the tests start: an X server and input, a private CUPS with an IPP printer
# emulator, and the tools that read back what was shown or printed.
test_packages=(libgtest-dev zlib1g-dev xvfb xauth x11-utils xdotool imagemagick zbar-tools poppler-utils
  tesseract-ocr tesseract-ocr-eng tesseract-ocr-spa cups-daemon cups-client cups-bsd cups-ipp-utils cups-filters dbus
  cage xwayland grim systemd  # the kiosk under real cage; systemd-analyze verify on the units
  systemd-container           # systemd-nspawn: the package booted under a real systemd (boot_test.sh)
  lintian                     # the .deb checked against Debian policy (package_test.sh)
  faketime                    # libfaketime: the wall-clock jump of the fault suite
  clang libclang-rt-14-dev    # clang + libFuzzer for tests/fuzz (the runtime is only a Recommends)
  chromium chromium-driver python3-selenium  # the staff web page in a real browser
  sox                         # reads back the read-aloud audio (RMS, length)
  openssl curl                # tests/web: a TLS certificate made in the test, an HTTPS client
  libgl1-mesa-dri)            # Mesa's llvmpipe: the OpenGL renderer path under Xvfb

install() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if ((${#missing[@]})); then
    echo "==> installing: ${missing[*]}"
    "${SUDO[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

jobs=$(nproc 2>/dev/null || echo 2)

# The builds `test` needs after the plain one, with exactly the settings their stages use, so those
# stages find them built: the .deb's Release build (tests/deploy/package_test.sh, boot_test.sh),
# the ASan+UBSan build and the clang libFuzzer build.
asan_config=(-DCMAKE_BUILD_TYPE=Debug -DKIOSK_WERROR=ON -DKIOSK_SANITIZE=ON -DKIOSK_BENCH=OFF)
fuzz_config=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DKIOSK_FUZZ=ON -DKIOSK_TESTS=OFF -DKIOSK_BENCH=OFF)
later_builds() {
  local launcher=()
  command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)  # as package_test.sh
  cmake -S . -B build/package-test -G Ninja -DCMAKE_BUILD_TYPE=Release -DKIOSK_TESTS=OFF -DKIOSK_BENCH=OFF \
    -DKIOSK_PACKAGE_RELEASE=1 "${launcher[@]}"
  cmake --build build/package-test -j"$jobs"
  cmake -S . -B build/asan -G Ninja "${asan_config[@]}"
  cmake --build build/asan -j"$jobs"
  CC=clang CXX=clang++ cmake -S . -B build/fuzz -G Ninja "${fuzz_config[@]}"
  cmake --build build/fuzz -j"$jobs" --target kiosk_fuzzers
}
background_log=build/later-builds.log
start_background_builds() {
  mkdir -p build
  # setsid: its own process group, so a failing stage can stop all of it (the EXIT trap).
  setsid bash -c "set -euo pipefail; $(declare -p jobs asan_config fuzz_config); $(declare -f later_builds)
    chrt --idle -p 0 \$\$ >/dev/null && renice -n 19 -p \$\$ >/dev/null; later_builds" >"$background_log" 2>&1 &
  background_pid=$!
  trap 'kill -- -"$background_pid" 2>/dev/null || true' EXIT
}
finish_background_builds() {
  echo "==> waiting for the package, ASan and fuzz builds (started with the suite, log: $background_log)"
  if ! wait "$background_pid"; then
    tail -n 60 "$background_log"
    echo "setup.sh: a background build failed; the whole log is $background_log" >&2
    exit 1
  fi
  trap - EXIT
}

case "$mode" in
  run)
    install "${build_packages[@]}"
    cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DKIOSK_TESTS=OFF -DKIOSK_BENCH=OFF
    cmake --build build/release -j"$jobs"
    if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" && -z "${SDL_VIDEODRIVER:-}" ]]; then
      echo
      echo "No screen here (DISPLAY and WAYLAND_DISPLAY are not set), so the kiosk cannot open its window."
      echo "Rendering the slides as pictures instead, into $here/out/preview:"
      build/release/kiosk/kiosk render slides --out out/preview
      echo
      echo "Open out/preview/report.html (or the PNG files) to see them. To run the real kiosk:"
      echo "  on the kiosk's screen:   build/release/kiosk/kiosk run --slides slides"
      echo "  without a screen:        xvfb-run -s '-screen 0 1920x1080x24' build/release/kiosk/kiosk run --slides slides"
      exit 0
    fi
    exec build/release/kiosk/kiosk run --slides slides
    ;;
  test)
    install "${build_packages[@]}" "${test_packages[@]}"
    # Tests start their own Xvfb, cupsd and listeners on 127.0.0.1; a desktop's DISPLAY is not used.
    unset DISPLAY WAYLAND_DISPLAY
    cmake -S . -B build/ci -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKIOSK_WERROR=ON
    cmake --build build/ci -j"$jobs"
    # The suite mostly waits (on X, cupsd, OCR, the kiosk's own timers): the three later builds
    # (the package, ASan, fuzzers) use the idle CPU meanwhile, at SCHED_IDLE so a test never waits
    # for a compiler. They are done before the benchmarks, which want a quiet machine.
    start_background_builds
    (cd build/ci && ctest --output-on-failure -j1 --timeout 600)
    finish_background_builds
    echo "==> benchmark (figures, not pass/fail):"
    build/ci/tests/bench/kiosk_bench --slides slides
    bash tests/bench/idle_cpu.sh build/ci/kiosk/kiosk slides
    # Frames per renderer (software, OpenGL via llvmpipe) and size, cold start, and the kiosk's CPU
    # and PSS next to Chromium playing the same slideshow (~90 s).
    python3 tests/bench/render_bench.py build/ci/tests/bench/kiosk_bench build/ci/kiosk/kiosk slides
    # Soak: edits, broken edits, picture swaps, taps and prints, folder swaps on the real kiosk;
    # RSS/PSS/fds/threads first/last/max and slope per hour. Two minutes here; longer by hand.
    build/ci/tests/bench/kiosk_soak --minutes 2
    # The .deb built, installed, upgraded, removed and purged on this machine (needs root).
    "${SUDO[@]}" bash tests/deploy/package_test.sh
    # The same package booted with systemd as PID 1 (systemd-nspawn on a throw-away overlay of /):
    # kiosk.service up by itself, READY=1, status.json, restarted after a crash and by the
    # watchdog, reloaded. About 1 minute; it reuses package_test.sh's build.
    "${SUDO[@]}" bash tests/deploy/boot_test.sh
    cmake -S . -B build/asan -G Ninja "${asan_config[@]}" >/dev/null
    cmake --build build/asan -j"$jobs"  # built during the plain suite: nothing left to do
    # Leak checking stays on. The end-to-end suites run here too: the kiosk they start is the
    # ASan build, so every tap, reload and fault is checked for memory errors. KIOSK_TEST_ASAN=1
    # tells those tests to allow the slower program more time. One suite is left to the plain build:
    # PatientDataE2E scans every private mapping of the kiosk through /proc/PID/mem, and an ASan
    # kiosk's shadow memory makes that terabytes (each test ran out of its 180 s). Two more whose
    # length is the wall clock, not the code, run only in the plain build above: the display
    # schedule's real minute boundaries (90 s; the same dark/wake decisions run here in the
    # ScreenSchedule and DisplaySchedule tests, with a fake clock) and the staff panel's 15 PIN
    # taps, each waiting for the screen to settle (60 s; the same screens are driven here headless
    # by staffui_tests and panel_tests).
    (cd build/asan && KIOSK_TEST_ASAN=1 ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 LSAN_OPTIONS=suppressions=$here/tests/lsan.supp UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
       ctest --output-on-failure -j1 --timeout 900 \
         -E '^(PatientDataE2E\.|ApplianceE2E\.ScheduleGoesDarkIdlesWakesOnATapAndReopens$|StaffPanelE2E\.)')
    # Fuzz the parsers of everything staff, files and printers hand the kiosk (tests/fuzz). CI time
    # is tight: 8 harnesses x 15 s is 2 minutes, a smoke run that catches what a change breaks
    # outright; run them longer by hand before a release (run_fuzzers.sh build/fuzz 600).
    CC=clang CXX=clang++ cmake -S . -B build/fuzz -G Ninja "${fuzz_config[@]}" >/dev/null
    cmake --build build/fuzz -j"$jobs" --target kiosk_fuzzers  # built during the plain suite
    tests/fuzz/run_fuzzers.sh build/fuzz 15
    ;;
  *)
    echo "usage: deploy/setup.sh run|test" >&2
    exit 2
    ;;
esac
