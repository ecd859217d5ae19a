# What each process of the benchmark's cluster used, for bench/run (sourced, not run).
# shellcheck shell=bash

# name: "peak current" resident memory in MB (VmHWM, VmRSS)
memory_of() {
    awk '/^VmHWM:/ {peak = $2} /^VmRSS:/ {now = $2} END {printf "%d %d\n", peak / 1024, now / 1024}' \
        "/proc/$(pid_of "$1")/status"
}

# name: CPU seconds used so far, user and system
cpu_of() {
    # fields after the command name in parentheses: utime and stime are the 12th and 13th
    sed 's/^.*) //' "/proc/$(pid_of "$1")/stat" | awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f\n", ($12 + $13) / hz}'
}

# name: "<seconds> s (<full collections> full)" spent in garbage collection, from jstat (- without it)
gc_of() {
    command -v jstat >/dev/null || { echo -; return; }
    timeout 10 jstat -gc "$(pid_of "$1")" 2>/dev/null | awk '
        NR == 1 {for (i = 1; i <= NF; i++) column[$i] = i}
        NR == 2 {printf "%.1f s (%d full)\n", $column["GCT"], $column["FGC"]}' || echo -
}
