#!/usr/bin/env bash
# Runs the Snowflake generator JMH benchmarks and prints each score as a percentage of the default layout's physical
# ceiling: 41/10/12 has 12 sequence bits = 4096 IDs per ms = 4,096,000 IDs/s per worker, and the generator never
# borrows future milliseconds, so no score with that layout can exceed it (beyond ~0.2% JMH edge effects).
#
# Usage: bench/run-jmh.sh [benchmark-regex]          (default: all SnowflakeGeneratorBenchmark methods)
# Env:   FORKS=1 WARMUP_ITERATIONS=3 WARMUP_TIME=2s ITERATIONS=5 ITERATION_TIME=2s   (sized for a 2-core machine)
#        HEADROOM=1    also run nextId with layout 33/8/22 (22 sequence bits: ceiling ~4.2e9/s, out of reach), which
#                      shows the raw per-call cost of the CAS loop; HEADROOM=0 skips it
#        JMH_EXTRA="..." extra arguments for JMH (e.g. "-prof gc")
#        REBUILD=1     rebuild bench/target/benchmarks.jar first (done anyway if it is missing)
# Results: bench/target/jmh-results.csv (and jmh-headroom.csv); the raw JMH log goes to stdout as it runs.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
jar="$here/target/benchmarks.jar"
regex="${1:-SnowflakeGeneratorBenchmark}"
forks="${FORKS:-1}"
wi="${WARMUP_ITERATIONS:-3}"
w="${WARMUP_TIME:-2s}"
i="${ITERATIONS:-5}"
r="${ITERATION_TIME:-2s}"
headroom="${HEADROOM:-1}"
extra="${JMH_EXTRA:-}"
ceiling=4096000

if [ "${REBUILD:-0}" = 1 ] || [ ! -f "$jar" ]; then
  echo ">> building $jar"
  (cd "$root" && mvn -q -pl bench -am -Dmaven.test.skip=true package)
fi

export LC_ALL=C
csv="$here/target/jmh-results.csv"
csv_headroom="$here/target/jmh-headroom.csv"
rm -f "$csv" "$csv_headroom"

run_jmh() { # $1 = csv file, rest = JMH args
  local out="$1"
  shift
  # shellcheck disable=SC2086 # $extra is intentionally word-split
  java -Duser.language=en -Duser.country=US -jar "$jar" "$@" \
    -f "$forks" -wi "$wi" -w "$w" -i "$i" -r "$r" -rf csv -rff "$out" $extra
}

echo ">> $(nproc) cores, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo ">> java -jar $jar '$regex' -p layout=41/10/12 -f $forks -wi $wi -w $w -i $i -r $r"
run_jmh "$csv" "$regex" -p layout=41/10/12
if [ "$headroom" = 1 ]; then
  echo ">> java -jar $jar 'SnowflakeGeneratorBenchmark.nextId_' -p layout=33/8/22 -f $forks -wi $wi -w $w -i $i -r $r"
  run_jmh "$csv_headroom" 'SnowflakeGeneratorBenchmark\.nextId_' -p layout=33/8/22
fi

summarise() { # $1 = csv file
  # JMH CSV: "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit","Param: layout"
  awk -F, -v ceiling="$ceiling" 'NR > 1 {
      gsub(/"/, "")
      name = $1; sub(/.*\./, "", name)
      err = ($6 == "NaN" ? 0 : $6)
      printf "%-22s %-9s %7s %14.0f %12.0f %8.1f%% %9.1f\n", name, $8, $3, $5, err, 100 * $5 / ceiling, 1e9 / $5
    }' "$1"
}

echo
echo "== Snowflake generator throughput (IDs/s; % of the 41/10/12 ceiling of 4,096,000 IDs/s per worker) =="
printf "%-22s %-9s %7s %14s %12s %9s %9s\n" benchmark layout threads "IDs/s" "+/- (99.9%)" "% ceil" "ns/ID"
echo "(ns/ID = 1 / throughput, i.e. per ID across all threads, including any spinning for the next millisecond)"
summarise "$csv"
if [ "$headroom" = 1 ] && [ -f "$csv_headroom" ]; then
  summarise "$csv_headroom"
  echo "(33/8/22 rows: ceiling 4,194,304,000/s is out of reach, so they show the raw cost of one nextId();"
  echo " a % above 100 is how far the code alone could outrun the default layout's ceiling.)"
fi
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
