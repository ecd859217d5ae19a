# Restarting one of a benchmark cluster's JVMs on another build, for bench/pair and bench/pair-workers (sourced,
# not run). They set build_b, the second build.
# shellcheck shell=bash
# shellcheck disable=SC2154 # build_b, dir, pids and logs from the scripts that source it

# name jar: the cluster's JVM `name` again, on `jar`, with the command line and environment cluster/up started
# it with (kept from its first restart), and B's PAIR_B_JAVA_OPTS when `jar` is B
restart_on() {
    local name=$1 jar=$2 pid i
    pid=$(pid_of "$name")
    [[ -f $dir/$name.cmdline ]] || cp "/proc/$pid/cmdline" "$dir/$name.cmdline"
    local -a command environment extra=()
    mapfile -d '' command < "$dir/$name.cmdline"
    mapfile -d '' environment < "/proc/$pid/environ"
    kill "$pid"
    while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
    for i in "${!command[@]}"; do [[ ${command[$i]} == -jar ]] && command[i + 1]=$jar; done
    [[ $jar == "$build_b" ]] && read -ra extra <<< "${PAIR_B_JAVA_OPTS:-}"
    command=("${command[0]}" ${extra[@]+"${extra[@]}"} "${command[@]:1}")
    env -i "${environment[@]}" "${command[@]}" >> "$logs/$name.log" 2>&1 &
    echo $! > "$pids/$name.pid"
    for ((i = 0; i < 240; i++)); do
        [[ $(http_status "http://127.0.0.1:$(api_port_of "$name")/health") == 200 ]] && return 0
        sleep 0.5
    done
    die "$name did not get healthy on $jar"
}
