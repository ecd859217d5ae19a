# The scenarios with the workers busy, for bench/run (sourced, not run): the drain of queued 100 KB jobs, and
# POST load while the workers drain.
# shellcheck shell=bash
# shellcheck disable=SC2154,SC2034,SC2004 # settings from bench/lib.sh; results for bench/report.sh; associative arrays

# Every queued job of this run's queue dropped (they stay IN_PROGRESS in the store); their count in purged
purge_jobs() {
    purged=$(rabbitmqctl -q list_queues name messages | awk -v queue="$TALLY_CLUSTER_QUEUE" '$1 == queue {print $2}')
    rabbitmqctl -q purge_queue "$TALLY_CLUSTER_QUEUE" > /dev/null
    log "purged ${purged:-?} queued jobs from $TALLY_CLUSTER_QUEUE"
}

# Waits until the workers' finished jobs stop growing for a second (the messages they had prefetched are done)
await_idle_workers() {
    local last=-1 now completed failed deadline=$((SECONDS + 120))
    while ((SECONDS < deadline)); do
        read -r completed failed < <(finished_jobs)
        now=$((completed + failed))
        ((now == last)) && return 0
        last=$now
        sleep 1
    done
    log "the workers were still finishing jobs after 120 s"
}

# jobs: that many jobs of the 100 KB document, POSTed at once, timed until the workers finished them all
drain_scenario() {
    local jobs=$1 completed failed start submitted timeout=$((60 + $1 / 10)) all=yes
    log "drain: $jobs jobs of the 100 KB document"
    read -r completed failed < <(finished_jobs)
    local baseline=$((completed + failed)) baseline_failed=$failed
    cpu_ticks > "$raw/drain-$jobs.cpu-before"
    start=$(now_ms)
    submit_jobs "drain-$jobs" "$jobs" "$doc_100k" "$drain_connections"
    submitted=$(now_ms)
    await_finished "$baseline" "$(accepted "drain-$jobs")" "$timeout" || all=no
    local drain_ms=$(($(now_ms) - start))
    cpu_ticks > "$raw/drain-$jobs.cpu-after"
    read -r completed failed < <(finished_jobs)
    local finished=$((completed + failed - baseline)) after rps
    if ((finished > 0)); then
        add_cpu_row "drain of $jobs, per job (its POST included)" "$finished" "$raw/drain-$jobs.cpu-before" \
            "$raw/drain-$jobs.cpu-after" "$(awk -v ms="$drain_ms" 'BEGIN {print ms / 1000}')"
        drain_worker_ms[$jobs]=${cpu_ms[worker]}
    fi
    rps=$(awk -v n="$finished" -v ms="$drain_ms" 'BEGIN {printf "%.1f", n * 1000 / ms}')
    after=$(seconds "$drain_ms")
    [[ $all == yes ]] || after="not all: $finished finished when it stopped waiting, after $after"
    drain_rps[$jobs]=$rps
    drain_rows+=("| $jobs | $(accepted "drain-$jobs") | $(refused "drain-$jobs") | $(seconds $((submitted - start))) | $after | $rps | $((failed - baseline_failed)) |")
}

# POST load at 64 connections while the workers drain: the POSTs queue 100 KB jobs faster than the workers
# finish them, so a backlog forms in the first second and the workers stay busy until the load ends (the
# backlog left is reported). Then the backlog is purged and the workers finish what they had taken.
busy_post_scenario() {
    local completed failed baseline
    log "POST while the workers drain"
    read -r completed failed < <(finished_jobs)
    baseline=$((completed + failed))
    run_wrk busy-post 64 "$duration" "$api/word-count" "$doc_100k"
    read -r completed failed < <(finished_jobs)
    busy_jobs=$((completed + failed - baseline))
    add_wrk_row busy 64
    busy_rps=${wrk_result[rps]}
    add_wrk_cpu_row busy-post "POST, 64 connections, while the workers drain; per POST"
    busy_web_ms=${cpu_ms[web]}
    if ((busy_jobs > 0)); then
        add_cpu_row "the same, per job the workers finished meanwhile ($busy_jobs)" "$busy_jobs" \
            "$raw/busy-post.cpu-before" "$raw/busy-post.cpu-after" "${wrk_result[seconds]}"
        busy_worker_ms=${cpu_ms[worker]}
    fi
    busy_jobs_rps=$(awk -v n="$busy_jobs" -v s="${wrk_result[seconds]}" 'BEGIN {printf "%.1f", n / s}')
    purge_jobs
    busy_backlog=${purged:-?}
    await_idle_workers
}
