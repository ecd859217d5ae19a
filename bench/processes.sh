# What each process of the benchmark's cluster used, for bench/run (sourced, not run).
# shellcheck shell=bash
# shellcheck disable=SC2034 # cpu_ms and the memory peak are read by bench/drain.sh and bench/report.sh

# name: "peak current" resident memory in MB (VmHWM, VmRSS)
memory_of() {
    awk '/^VmHWM:/ {peak = $2} /^VmRSS:/ {now = $2} END {printf "%d %d\n", peak / 1024, now / 1024}' \
        "/proc/$(pid_of "$1")/status"
}

# name: CPU seconds used so far, user and system
cpu_of() {
    awk -v ticks="$(ticks_of_pid "$(pid_of "$1")")" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.1f\n", ticks / hz}'
}

# name: "<seconds> s (<full collections> full)" spent in garbage collection, from jstat (- without it)
gc_of() {
    command -v jstat >/dev/null || { echo -; return; }
    timeout 10 jstat -gc "$(pid_of "$1")" 2>/dev/null | awk '
        NR == 1 {for (i = 1; i <= NF; i++) column[$i] = i}
        NR == 2 {printf "%.1f s (%d full)\n", $column["GCT"], $column["FGC"]}' || echo -
}

# pid: CPU clock ticks used so far (user + system), 0 when gone
ticks_of_pid() {
    # fields after the command name in parentheses: utime and stime are the 12th and 13th
    sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null | awk '{print $12 + $13} END {if (NR == 0) print 0}'
}

# "group ticks" lines for the cluster's processes grouped as web, worker, store, nginx (its workers) and
# rabbitmq (the local broker's Erlang VM), to split a scenario's CPU by process
cpu_ticks() {
    local name pid
    for name in $(started_names); do
        pid=$(pid_of "$name")
        [[ $name == nginx ]] && pid=$(pgrep -d ' ' -P "$pid")
        for pid in $pid; do echo "${name%%-*} $(ticks_of_pid "$pid")"; done
    done
    for pid in $(pgrep -x beam.smp); do echo "rabbitmq $(ticks_of_pid "$pid")"; done
}

# label units before_file after_file wall_seconds: a table row of CPU milliseconds per unit (request or job)
# for each group, their sum, and what the rest of the machine's cores did meanwhile (wrk or curl, idle); the
# row's figures also go to cpu_ms (group -> ms per unit) for the targets
declare -A cpu_ms=()
add_cpu_row() {
    local label=$1 units=$2 before=$3 after=$4 wall=$5 row group ms
    local -a lines
    mapfile -t lines < <(awk -v label="$label" -v units="$units" -v wall="$wall" -v cores="$(nproc)" \
        -v hz="$(getconf CLK_TCK)" '
        FNR == NR {before[$1] += $2; next}
        {after[$1] += $2}
        END {
            split("web worker store rabbitmq nginx", groups, " ")
            row = "| " label
            for (i = 1; i <= 5; i++) {
                ms = (after[groups[i]] - before[groups[i]]) * 1000 / hz / units
                total += ms
                row = row sprintf(" | %.2f", ms)
                figures = figures sprintf("%s %.2f\n", groups[i], ms)
            }
            printf "%s | **%.2f** | %.2f |\n%s", row, total, cores * wall * 1000 / units - total, figures
        }' "$before" "$after")
    cpu_rows+=("${lines[0]}")
    cpu_ms=()
    for row in "${lines[@]:1}"; do
        read -r group ms <<< "$row"
        cpu_ms[$group]=$ms
    done
}

# name label: a row of section 4 for the JVM called name (peak and current RSS, CPU, GC), the run's peak kept
record_memory() {
    local name=$1 label=${2:-$1} peak now
    read -r peak now < <(memory_of "$name")
    memory_rows+=("| $label | $peak MB | $now MB | $(cpu_of "$name") s | $(gc_of "$name") |")
    if ((peak > memory_peak)); then memory_peak=$peak memory_peak_name=$label; fi
}

# name label: add_cpu_row for the wrk run called name (wrk_result still holds its summary), per request
add_wrk_cpu_row() {
    add_cpu_row "$2" "${wrk_result[requests]}" "$raw/$1.cpu-before" "$raw/$1.cpu-after" "${wrk_result[seconds]}"
}
