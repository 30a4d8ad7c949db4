# The JIT warm-up a benchmark needs, measured rather than guessed: after a fixed fill, a fresh Liberty JVM's
# compilers were still taking half of this 2-core machine (15 CPU-s in 16 s over three servers) when the first
# measured round began, and settled only 2-3 minutes later (docs/kv.md, "Benchmark"). A round that shares the cores
# with the JIT measures the JIT.

# jit_ticks PID...: the CPU ticks the JVMs' compiler threads (C1, C2) have used so far; 0 where /proc is missing.
jit_ticks() {
  local sum=0 pid task
  for pid in "$@"; do
    for task in /proc/"$pid"/task/*; do
      case "$(cat "$task/comm" 2>/dev/null)" in
        C1\ Compiler*|C2\ Compiler*) sum=$(( sum + $(awk '{print $14 + $15}' "$task/stat" 2>/dev/null || echo 0) )) ;;
      esac
    done
  done
  echo "$sum"
}

# settle_jit MAX_SECONDS PIDS CYCLE...: runs the command CYCLE (one warm-up cycle: the benchmark's own request mix)
# until the compilers of PIDS (space-separated) used at most 10 % of the machine's cores over one cycle, or MAX_SECONDS
# have passed; prints one line saying which.
settle_jit() {
  local max=$1 pids=$2; shift 2
  local start now before after cycle_start share tck cores; start=$(date +%s); tck=$(getconf CLK_TCK); cores=$(nproc)
  [ -d /proc/self/task ] || { echo "  warm-up: no /proc, so the JIT is not watched: fill only"; return; }
  while :; do
    # shellcheck disable=SC2086 # PIDS is a list
    cycle_start=$(date +%s); before=$(jit_ticks $pids)
    "$@"
    # shellcheck disable=SC2086
    now=$(date +%s); after=$(jit_ticks $pids)
    # the compilers' share of the machine over this cycle, in percent
    share=$(( (after - before) * 100 / tck / ((now - cycle_start) * cores > 0 ? (now - cycle_start) * cores : 1) ))
    if (( share <= 10 )); then
      echo "  warm-up: JIT settled after $(( now - start )) s of cycles (last cycle: compilers $share % of $cores cores)"
      return
    fi
    if (( now - start >= max )); then
      echo "  warm-up: JIT still at $share % of $cores cores after $(( now - start )) s of cycles (WARMUP_MAX): measuring anyway"
      return
    fi
  done
}
