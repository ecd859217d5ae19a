# Cold start, for bench/run (sourced, not run): make run's JVM to a healthy /health, each web and worker JVM
# started alone against the running broker and store, and the first seconds of POST load on fresh web JVMs.
# shellcheck shell=bash
# shellcheck disable=SC2154,SC2034,SC2004 # settings from bench/lib.sh; results for bench/report.sh; associative arrays

# name: the seconds cluster/up logged from the launch of name to its first healthy answer (its last start)
start_seconds_of() {
    grep -o "cluster: $1 healthy [0-9.]* s after its launch" "$raw/cluster.log" | tail -n 1 | awk '{print $4}'
}

# make run's java command (Makefile: java $(RUN_JAVA_OPTS) $(cluster/cds JAR DIR)), in its embedded mode (broker and store in the
# JVM), on free ports and a data directory of its own, timed from the launch to the first 200 of /health, then
# stopped. The archive is the cluster's (same jar, same training run); training, when due, is not timed.
make_run_start() {
    local run=$1 port broker work args pid start deadline
    port=$(free_port) broker=$(free_port) work=$dir/make-run
    rm -rf "$work" && mkdir -p "$work"
    read -ra args <<< "$(make -s --no-print-directory -C "$repo" run-java-opts) $("$repo/cluster/cds" "$jar" "$dir/cds")"
    make_run_command="SERVER_PORT=$port TALLY_BROKER_EMBEDDED_PORT=$broker TALLY_MONGODB_EMBEDDED_DATA_DIR=$work/data java ${args[*]}"
    log "make run start $run: $make_run_command"
    start=$(now_ms) deadline=$((SECONDS + 120))
    (cd "$work" && exec env -u TALLY_MONGODB_URI -u SPRING_RABBITMQ_HOST SERVER_PORT="$port" \
        TALLY_BROKER_EMBEDDED_PORT="$broker" TALLY_MONGODB_EMBEDDED_DATA_DIR="$work/data" \
        java "${args[@]}" > "$raw/make-run-$run.log" 2>&1 < /dev/null) &
    pid=$!
    until [[ $(http_status "http://127.0.0.1:$port/health" 1) == 200 ]]; do
        if ! kill -0 "$pid" 2>/dev/null || ((SECONDS > deadline)); then
            log "make run start $run: not healthy (see $raw/make-run-$run.log)"
            kill -TERM "$pid" 2>/dev/null || true
            wait "$pid" || true
            return
        fi
        sleep 0.1
    done
    make_run_s+=("$(awk -v ms=$(($(now_ms) - start)) 'BEGIN {printf "%.1f", ms / 1000}')")
    log "make run start $run: healthy after ${make_run_s[-1]} s"
    kill -TERM "$pid"
    wait "$pid" || true
}

# names...: stops these cluster JVMs as cluster/down would (SIGTERM, their graceful shutdown), keeping their peak
# memory for section 4 first; cluster/up then starts them again
stop_jvms() {
    local name pid
    for name in "$@"; do
        record_memory "$name" "$name (until its restart)"
        kill -TERM "$(pid_of "$name")"
    done
    for name in "$@"; do
        pid=$(pid_of "$name")
        for _ in $(seq 1 "$((stop_timeout * 10))"); do [[ -d /proc/$pid ]] || break; sleep 0.1; done
        [[ -d /proc/$pid ]] && die "$name (pid $pid) did not stop in $stop_timeout s"
        rm -f "$pids/$name.pid" "$pids/$name.port" "$pids/$name.api-port"
    done
}

# The web JVMs stopped, started again one at a time (each timed alone, the other idle or stopped), and POST load
# at 64 connections put on them at once, for cold_seconds: its requests/s against scenario 1's warm figure.
cold_web_scenario() {
    local i names=()
    for ((i = 1; i <= TALLY_CLUSTER_WEB; i++)); do names+=("web-$i"); done
    log "cold start: stopping ${names[*]}"
    stop_jvms "${names[@]}"
    for ((i = 1; i <= TALLY_CLUSTER_WEB; i++)); do
        TALLY_CLUSTER_WEB=$i cluster_up 0
        web_start_s+=("$(start_seconds_of "web-$i")")
        log "cold start: web-$i healthy after ${web_start_s[-1]} s"
    done
    run_wrk cold-post 64 "${cold_seconds}s" "$api/word-count" "$doc_100k"
    add_wrk_row cold 64
    add_wrk_cpu_row cold-post "POST, 64 connections, the first $cold_seconds s after the web JVMs' start"
    cold_rps=${wrk_result[rps]}
    purge_jobs
}

# The workers started one at a time, each timed alone (the web JVMs idle).
start_workers() {
    local i
    for ((i = 1; i <= workers; i++)); do
        cluster_up "$i"
        worker_start_s+=("$(start_seconds_of "worker-$i")")
        log "worker-$i healthy after ${worker_start_s[-1]} s"
    done
}

# seconds...: the largest
slowest_of() { (($#)) && printf '%s\n' "$@" | sort -g | tail -n 1; }
