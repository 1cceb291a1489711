#!/usr/bin/env bash
# One command for every benchmark: builds redline and redline_bench in Release into build-bench,
# generates the inputs, runs the micro benchmarks and the end-to-end comparison several times,
# and writes bench/out/report.md (median and spread of every figure), which it prints.
#   bench/run.sh            5 runs, 1,000 feeds, 30 s idle window
#   bench/run.sh --quick    1 run, 10 s idle window
#   bench/run.sh --runs=3   3 runs
#   bench/run.sh --on-topic=0.03   the end-to-end feeds with 3 % of items on the question
#                                  (default 0.32: most of the classifier's work in every run)
#   bench/run.sh --varied          the end-to-end feeds with the labelled development sets' text
#                                  (varied like real news; the generated text repeats templates)
# Needs: ./scripts/install-deps.sh --bench (libbenchmark-dev nginx newsboat python3-feedparser time)
set -euo pipefail
runs=5 idle=30 feeds=1000 min_time=0.5 on_topic=()
for arg in "$@"; do
  case $arg in
    --quick) runs=1 idle=10 min_time=0.2 ;;
    --runs=*) runs=${arg#--runs=} ;;
    --on-topic=*) on_topic=(--on-topic "${arg#--on-topic=}") ;;
    --varied) on_topic=(--varied) ;;
    *) echo "usage: $0 [--quick] [--runs=N] [--on-topic=SHARE | --varied]" >&2; exit 64 ;;
  esac
done
root=$(cd "$(dirname "$0")/.." && pwd)
build=$root/build-bench
out=$root/bench/out
mkdir -p "$out"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DREDLINE_BENCH=ON \
  -DREDLINE_TESTS=OFF >/dev/null
cmake --build "$build" -j2 --target redline redline_bench
/usr/bin/python3 "$root/bench/gen_feeds.py" --data "$out/data"
echo "micro benchmarks ($runs repetitions)" >&2
REDLINE_BENCH_DATA=$out/data "$build/redline_bench" --benchmark_repetitions="$runs" \
  --benchmark_min_time="$min_time" --benchmark_out="$out/micro.json" \
  --benchmark_out_format=json >&2
echo "end to end ($runs runs, $feeds feeds)" >&2
/usr/bin/python3 "$root/bench/e2e.py" --redline "$build/redline" --data "$out/data" \
  --feeds "$feeds" --runs "$runs" --idle "$idle" --out "$out/e2e.json" "${on_topic[@]}"
/usr/bin/python3 "$root/bench/report.py" --micro "$out/micro.json" --e2e "$out/e2e.json" \
  --out "$out/report.md"
cat "$out/report.md"
