# Restarting one of a benchmark cluster's JVMs on another build, and telling the builds' figures apart, for
# bench/pair and bench/pair-workers (sourced, not run). They set build_a and build_b, the two builds.
# shellcheck shell=bash
# shellcheck disable=SC2154 # build_a, build_b, dir, pids and logs from the scripts that source it

# name jar: the cluster's JVM `name` again, on `jar`, with the command line and environment cluster/up started
# it with (kept from its first restart), and B's PAIR_B_JAVA_OPTS when `jar` is B (after the cluster's options)
restart_on() {
    local name=$1 jar=$2 pid i
    pid=$(pid_of "$name")
    [[ -f $dir/$name.cmdline ]] || cp "/proc/$pid/cmdline" "$dir/$name.cmdline"
    local -a command environment extra=()
    mapfile -d '' command < "$dir/$name.cmdline"
    mapfile -d '' environment < "/proc/$pid/environ"
    kill "$pid"
    while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
    [[ $jar == "$build_b" ]] && read -ra extra <<< "${PAIR_B_JAVA_OPTS:-}"
    # B's options go last before -jar: of an option given twice the JVM takes the last, so they override the cluster's
    for i in "${!command[@]}"; do
        [[ ${command[$i]} == -jar ]] || continue
        command=("${command[@]:0:i}" ${extra[@]+"${extra[@]}"} -jar "$jar" "${command[@]:i+2}")
        break
    done
    env -i "${environment[@]}" "${command[@]}" >> "$logs/$name.log" 2>&1 &
    echo $! > "$pids/$name.pid"
    for ((i = 0; i < 240; i++)); do
        [[ $(http_status "http://127.0.0.1:$(api_port_of "$name")/health") == 200 ]] && return 0
        sleep 0.5
    done
    die "$name did not get healthy on $jar"
}

# pid: A or B, the build the JVM runs
build_of() {
    local jar
    jar=$(tr '\0' '\n' < "/proc/$1/cmdline" | grep -A1 '^-jar$' | tail -n 1)
    if [[ $jar == "$build_a" ]]; then echo A; else echo B; fi
}

# pid ticks_before units: the JVM's milliseconds of CPU (utime+stime) per unit since ticks_before
cpu_ms_per() {
    awk -v t="$(ticks_of_pid "$1")" -v b="$2" -v hz="$(getconf CLK_TCK)" -v n="$3" \
        'BEGIN {printf "%.3f", (t - b) * 1000 / hz / n}'
}
