#!/bin/sh
# scripts/fuzz.sh [SECONDS] — builds the libFuzzer targets with clang 14 (ASan + UBSan) into
# build-fuzz and runs each one, one at a time in one process, for SECONDS (default 60) with seed corpora from
# the test fixtures. FUZZ_SEED fixes libFuzzer's seed (CI sets it so a run can be repeated). Needs clang-14 and libclang-rt-14-dev (a recommended package on Debian 12:
# install it by name). Exit status is non-zero when any target finds a crash; the reproducer is
# left in build-fuzz/fuzz/artifacts.
set -eu

seconds=${1:-60}
root=$(cd "$(dirname "$0")/.." && pwd)
build=${FUZZ_BUILD_DIR:-$root/build-fuzz}
sanitizers=fuzzer-no-link,address,undefined

CC=${CC:-clang-14} CXX=${CXX:-clang++-14} cmake -S "$root" -B "$build" -G Ninja \
  -DCMAKE_BUILD_TYPE= -DREDLINE_FUZZ=ON -DREDLINE_TESTS=OFF \
  -DCMAKE_CXX_FLAGS="-O1 -gline-tables-only -fsanitize=$sanitizers -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
  -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null

targets="parse_feed_fuzz parse_feed_date_fuzz html_to_text_fuzz watchlist_fuzz classify_fuzz config_fuzz"
# shellcheck disable=SC2086
cmake --build "$build" -j2 --target $targets

# Seed corpora: fixtures copied into a per-target folder that also keeps what the fuzzer finds.
seed() {  # seed TARGET DIR...
  corpus=$build/fuzz/corpus/$1
  mkdir -p "$corpus"
  shift
  for dir in "$@"; do
    [ -d "$dir" ] && find "$dir" -type f -exec cp {} "$corpus"/ \;
  done
  return 0
}
seed parse_feed_fuzz "$root/tests/data/feeds" "$root/tests/data/hostile"
seed html_to_text_fuzz "$root/tests/data/feeds"
seed watchlist_fuzz "$root/config/watchlists"
seed config_fuzz "$root/config"
seed classify_fuzz
seed parse_feed_date_fuzz
# Dates and headlines as one-line seeds.
printf 'Mon, 24 Nov 2026 10:00:00 GMT' >"$build/fuzz/corpus/parse_feed_date_fuzz/rfc822"
printf '2026-11-24T10:00:00.123+05:30' >"$build/fuzz/corpus/parse_feed_date_fuzz/rfc3339"
printf 'Tue Nov 24 10:00:00 2026' >"$build/fuzz/corpus/parse_feed_date_fuzz/asctime"
if [ -f "$root/tests/data/topics/dev.jsonl" ]; then
  /usr/bin/python3 - "$root/tests/data/topics/dev.jsonl" "$build/fuzz/corpus/classify_fuzz" <<'PY'
import json, sys
for n, line in enumerate(open(sys.argv[1], encoding="utf-8")):
    if n >= 200 or not line.strip():
        continue
    item = json.loads(line)
    with open(f"{sys.argv[2]}/dev{n}", "w", encoding="utf-8") as out:
        out.write(item.get("title", "") + "\n" + item.get("summary", ""))
PY
fi

mkdir -p "$build/fuzz/artifacts"
status=0
for target in $targets; do
  echo "== $target ($seconds s)"
  if ! "$build/fuzz/$target" -max_total_time="$seconds" -seed="${FUZZ_SEED:-0}" -rss_limit_mb=2048 \
      -timeout=10 -max_len=262144 -print_final_stats=1 \
      -artifact_prefix="$build/fuzz/artifacts/$target-" \
      "$build/fuzz/corpus/$target" 2>"$build/fuzz/$target.log"; then
    echo "!! $target failed: see $build/fuzz/$target.log and $build/fuzz/artifacts/" >&2
    tail -n 40 "$build/fuzz/$target.log" >&2
    status=1
  fi
  grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' "$build/fuzz/$target.log" || true
done
exit $status
