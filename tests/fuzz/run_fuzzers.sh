#!/usr/bin/env bash
# Runs every libFuzzer harness of tests/fuzz for a bounded time and fails if any of them crashes.
#   tests/fuzz/run_fuzzers.sh BUILD_DIR SECONDS_EACH [NAME...]
# BUILD_DIR was configured with CC=clang CXX=clang++ -DKIOSK_FUZZ=ON and built (target kiosk_fuzzers).
# Each harness starts from its committed seeds (tests/fuzz/corpus/NAME, only read) and writes what
# it finds to BUILD_DIR/fuzz-work/NAME; a crashing input is saved under BUILD_DIR/fuzz-artifacts/.
# A crash is a bug to fix with a named regression test in the ordinary suites, not a corpus entry.
set -uo pipefail

if (($# < 2)); then
  echo "usage: $0 BUILD_DIR SECONDS_EACH [NAME...]" >&2
  exit 2
fi
build="$(cd "$1" && pwd)"
seconds="$2"
shift 2
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
names=("$@")
((${#names[@]})) || names=(slide_file config markdown image_probe text_codec usage_log printer_uri escpos_status)

# Per input: 10 s is a hang (the slowest harness needs milliseconds); 2 GB is a runaway allocation.
limits=(-timeout=10 -rss_limit_mb=2048 -max_len=16384 -print_final_stats=1)
export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

dict_for() {
  case "$1" in
    slide_file | config | markdown) echo "$here/kiosk.dict" ;;
    image_probe) echo "$here/image_probe.dict" ;;
    printer_uri) echo "$here/printer_uri.dict" ;;
  esac
}

mkdir -p "$build/fuzz-artifacts"
failed=()
printf '%-14s %10s %12s  %s\n' harness "execs/s" runs result
for name in "${names[@]}"; do
  bin="$build/tests/fuzz/fuzz_$name"
  if [[ ! -x "$bin" ]]; then
    echo "$name: $bin is missing (build the kiosk_fuzzers target)" >&2
    failed+=("$name")
    continue
  fi
  work="$build/fuzz-work/$name"
  log="$build/fuzz-artifacts/$name.log"
  mkdir -p "$work"
  args=("${limits[@]}" -max_total_time="$seconds" -artifact_prefix="$build/fuzz-artifacts/$name-")
  dict="$(dict_for "$name")"
  [[ -n "$dict" ]] && args+=(-dict="$dict")
  # The harnesses that read files write them here; RAM-backed when possible (the picture probe
  # writes one per input), and removed even when a crash skipped the harness's own clean-up.
  scratch="$(mktemp -d /dev/shm/kiosk-fuzz.XXXXXX 2>/dev/null || mktemp -d)"
  TMPDIR="$scratch" "$bin" "${args[@]}" "$work" "$here/corpus/$name" >"$log" 2>&1
  rc=$?
  rm -rf "$scratch"
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(grep -o 'exec/s: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*$')
  if ((rc == 0)); then
    result=ok
  else
    result="CRASH (exit $rc), log: $log"
    failed+=("$name")
  fi
  printf '%-14s %10s %12s  %s\n' "$name" "${rate:-?}" "${runs:-?}" "$result"
  if ((rc != 0)); then
    grep -m1 -E 'ERROR: |runtime error|fuzz property broken|ALARM|out-of-memory' "$log" | sed 's/^/    /'
    ls "$build/fuzz-artifacts/$name-"* 2>/dev/null | grep -v '\.log$' | sed 's/^/    input: /'
  fi
done

if ((${#failed[@]})); then
  echo "fuzzing found problems in: ${failed[*]}" >&2
  exit 1
fi
echo "fuzzing: ${#names[@]} harnesses, ${seconds} s each, no crash"
