# The Targets table of bench/report.md: issue 14's figures, each next to its target (sourced by bench/run).
# shellcheck shell=bash
# shellcheck disable=SC2154 # settings and results from bench/lib.sh and bench/run

# values...: "a, b s" (each start), or empty
listed_seconds() { (($#)) && echo "$(printf '%s, ' "$@" | sed 's/, $//') s"; }

# figure target today measured verdict: a row of the Targets table
target_row() { echo "| $1 | $2 | $3 | ${4:-not measured} | $5 |"; }

targets_table() {
    local slowest=$1 big_verdict=$2 half_warm=
    [[ -n ${post_rps[64]:-} ]] && half_warm=$(awk -v r="${post_rps[64]}" 'BEGIN {printf "%.1f", r / 2}')
    local make_run web worker
    make_run=$(slowest_of ${make_run_s[@]+"${make_run_s[@]}"}) web=$(slowest_of ${web_start_s[@]+"${web_start_s[@]}"})
    worker=$(slowest_of ${worker_start_s[@]+"${worker_start_s[@]}"})
    echo "| figure | target | issue 14's today | measured | |"
    echo "|---|---|---|---|---|"
    target_row "POST, workers stopped, 64 connections" ">= 3,000 req/s" "569 req/s (922 in the report then)" \
        "${post_rps[64]:+${post_rps[64]} req/s}" "$(verdict "${post_rps[64]:-}" ">=" 3000)"
    target_row "the same, p99" "<= 50 ms" "420 ms (265 ms)" "${post_p99[64]:+${post_p99[64]} ms}${post_nginx_p99[64]:+ (nginx: ${post_nginx_p99[64]} ms)}" \
        "$(verdict "${post_p99[64]:-}" "<=" 50)"
    target_row "POST while the workers drain, 64 connections" ">= 1,000 req/s" "186-344 req/s" \
        "${busy_rps:+$busy_rps req/s}" "$(verdict "$busy_rps" ">=" 1000)"
    # issue 14 counts 1,000 jobs; a run with other drains (BENCH_DRAIN_JOBS) shows its first one
    local jobs=1000
    [[ -n ${drain_rps[1000]:-} ]] || read -r jobs _ <<< "$drain_jobs"
    target_row "$jobs jobs of the 100 KB page, submit to last finished" ">= 400 jobs/s" "153-156 jobs/s (1,000)" \
        "${drain_rps[$jobs]:+${drain_rps[$jobs]} jobs/s}" "$(verdict "${drain_rps[$jobs]:-}" ">=" 400)"
    target_row "one 20 MB document, end to end (client, slowest)" "<= 0.5 s" "0.39-0.52 s" \
        "${slowest:+$slowest (of ${#big_ms[@]} COMPLETE; $big_failures not)}" "$big_verdict"
    target_row "every JVM's peak resident memory" "< 350 MB" "394 MB in the report then" \
        "$memory_peak MB ($memory_peak_name)" "$(verdict "$memory_peak" "<" 350)"
    target_row "web CPU per POST, workers stopped (64 connections)" "<= 0.4 ms" "1.2-2.8 ms" \
        "${post_web_ms[64]:+${post_web_ms[64]} ms}" "$(verdict "${post_web_ms[64]:-}" "<=" 0.4)"
    target_row "web CPU per POST, workers busy" "<= 0.4 ms" "2.5-2.8 ms" "${busy_web_ms:+$busy_web_ms ms}" \
        "$(verdict "$busy_web_ms" "<=" 0.4)"
    target_row "worker CPU per 100 KB job (the drain of $jobs)" "<= 1.5 ms" "4.8-5.3 ms" \
        "${drain_worker_ms[$jobs]:+${drain_worker_ms[$jobs]} ms}" "$(verdict "${drain_worker_ms[$jobs]:-}" "<=" 1.5)"
    target_row "worker CPU per 100 KB job, under POST load" "<= 1.5 ms" "-" "${busy_worker_ms:+$busy_worker_ms ms}" \
        "$(verdict "$busy_worker_ms" "<=" 1.5)"
    target_row "\`make run\`'s JVM to a healthy \`/health\` (slowest)" "<= 9.35 s (half)" "18.7 s" \
        "$(listed_seconds ${make_run_s[@]+"${make_run_s[@]}"})" "$(verdict "$make_run" "<=" 9.35)"
    target_row "a web JVM to healthy, broker and store running (slowest)" "<= 5.3 s (half)" "10.6 s" \
        "$(listed_seconds ${web_start_s[@]+"${web_start_s[@]}"})" "$(verdict "$web" "<=" 5.3)"
    target_row "a worker JVM to healthy, broker and store running (slowest)" "<= 5.05 s (half)" "10.1 s" \
        "$(listed_seconds ${worker_start_s[@]+"${worker_start_s[@]}"})" "$(verdict "$worker" "<=" 5.05)"
    target_row "the first $cold_seconds s of POST load after the web JVMs' start" \
        ">= half the warm ${post_rps[64]:-?} req/s${half_warm:+: $half_warm}" "104-131 req/s" \
        "${cold_rps:+$cold_rps req/s}" "$(verdict "$cold_rps" ">=" "${half_warm:-0}")"
}
