# Submitting jobs and watching them finish, for bench/run (sourced, not run).
# shellcheck shell=bash
# shellcheck disable=SC2154 # settings from bench/lib.sh

# [name...]: "completed failed", the job log lines (logger dev.tally.jobs, one per job a worker COMPLETEs or FAILs)
# in those workers' logs, or in every worker's. Read from the files, so that measuring costs the workers nothing: a
# poll of their /actuator/prometheus cost each 1.5-5 ms of CPU under C1, every 100 ms of a drain (bench/limits.md,
# "Session 18"). The logs are appended to across restarts, so the counts only grow.
finished_jobs() {
    local -a names=("$@")
    ((${#names[@]})) || mapfile -t names < <(started_names | grep '^worker-')
    local completed=0 failed=0 name
    for name in "${names[@]}"; do
        completed=$((completed + $(LC_ALL=C grep -cF ' status=COMPLETE ' "$logs/$name.log" || true)))
        failed=$((failed + $(LC_ALL=C grep -cF ' status=FAIL ' "$logs/$name.log" || true)))
    done
    echo "$completed $failed"
}

# name count url connections: POSTs count jobs for url, connections at a time, from one curl process; the
# status code of each answer goes to $raw/<name>.codes
submit_jobs() {
    local name=$1 count=$2 url=$3 connections=$4 i
    for ((i = 0; i < count; i++)); do printf 'url = "%s/word-count"\noutput = "/dev/null"\n' "$api"; done \
        > "$raw/$name.curlrc"
    curl -s --no-progress-meter --parallel --parallel-max "$connections" -X POST \
        -H 'Content-Type: application/json' -d "{\"url\": \"$url\"}" -w '%{http_code}\n' \
        --config "$raw/$name.curlrc" > "$raw/$name.codes" || true
}

# name: how many answers in $raw/<name>.codes were 202
accepted() { grep -c '^202$' "$raw/$1.codes" || true; }

# name: the answers other than 202 in $raw/<name>.codes, as "503:12,000:3" (000: no answer), or 0
refused() {
    grep -v '^202$' "$raw/$1.codes" | sort | uniq -c | awk '{printf "%s%s:%s", (NR > 1 ? "," : ""), $2, $1}
                                                              END {if (NR == 0) print 0}'
}

# baseline expected timeout_s: waits until the workers' finished jobs reach baseline + expected; returns 1
# after timeout_s. Polls every 100 ms (the counters alone, so a poll costs the workers little).
await_finished() {
    local baseline=$1 expected=$2 deadline=$((SECONDS + $3)) completed failed
    while :; do
        read -r completed failed < <(finished_jobs)
        ((completed + failed >= baseline + expected)) && return 0
        if ((SECONDS >= deadline)); then
            log "only $((completed + failed - baseline)) of $expected jobs finished in $3 s"
            return 1
        fi
        sleep 0.1
    done
}

# url: POSTs one job, prints its id (nothing when it was not accepted)
post_job() {
    curl -sf --max-time 10 -X POST -H 'Content-Type: application/json' -d "{\"url\": \"$1\"}" "$api/word-count" \
        | jq -r .data.job_id || true
}

# id: the job's status (empty when the GET failed)
job_status() {
    curl -s --max-time 5 -o "$raw/job.json" "$api/word-count/$1" || true
    head -c 400 "$raw/job.json" | grep -o '"status": *"[A-Z_]*"' | grep -o '[A-Z_]*"$' | tr -d '"' || true
}

# id timeout_s: waits for the job to leave IN_PROGRESS (polls every 50 ms), prints its last status
await_job() {
    local id=$1 deadline=$((SECONDS + $2)) status
    while :; do
        status=$(job_status "$id")
        [[ $status == IN_PROGRESS || -z $status ]] || break
        ((SECONDS < deadline)) || break
        sleep 0.05
    done
    echo "${status:-unknown}"
}
