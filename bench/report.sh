# bench/report.md from what bench/run measured (sourced by bench/run, not run).
# shellcheck shell=bash source-path=SCRIPTDIR
# shellcheck disable=SC2154 # settings and results from bench/lib.sh and bench/run

# ms: seconds with millisecond resolution
seconds() { awk -v ms="$1" 'BEGIN {printf "%.3f s", ms / 1000}'; }

machine_facts() {
    bench_date=$(date -u '+%Y-%m-%d %H:%M UTC')
    load_before=$(cut -d' ' -f1-3 /proc/loadavg)
    cores=$(nproc)
    memory_total=$(awk '/^MemTotal:/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)
    cpu_model=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
    java_version=$(java -version 2>&1 | head -n 2 | tail -n 1)
    tools="$(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1-2), $("$(nginx_bin)" -v 2>&1 | cut -d' ' -f3), RabbitMQ $(rabbitmqctl -q version 2>/dev/null || echo '?')"
}

# kind connections: a table row from wrk_result into <kind>_rows
add_wrk_row() {
    local -n rows=$1_rows
    local errors=0 sockets=${wrk_result[socket_errors]}
    [[ ${wrk_result[non_2xx]} == 0 ]] || errors="${wrk_result[non_2xx]} non-2xx (${wrk_result[statuses]})"
    [[ $sockets == 0/0/0/0 ]] || errors+="; socket errors $sockets (connect/read/write/timeout)"
    rows+=("| $2 | \`${wrk_result[command]}\` | ${wrk_result[rps]} | ${wrk_result[p50_ms]} ms | ${wrk_result[p99_ms]} ms${wrk_result[nginx_p99_ms]:+ (nginx: ${wrk_result[nginx_p99_ms]} ms)} | ${wrk_result[requests]} | $errors |")
}
# What the scenarios measured, empty until they do (a scenario left out stays "not measured" in the report)
post_rows=() get_rows=()
declare -A post_rps=() post_p99=() post_nginx_p99=() post_web_ms=() floor_rps=() drain_rps=() drain_worker_ms=()
floor_rows=() cpu_rows=() drain_rows=() busy_rows=() cold_rows=() make_run_s=() web_start_s=() worker_start_s=()
big_ms=() big_rows=() big_failures=0 vocabulary_row='' memory_rows=() memory_peak=0 memory_peak_name=''
cold_rps='' busy_rps='' busy_web_ms='' busy_worker_ms='' busy_jobs='' busy_jobs_rps='' busy_backlog='' make_run_command=''

# measured comparison target: met or missed (measured empty: not measured)
verdict() {
    [[ -n $1 ]] || { echo "not measured"; return; }
    awk -v m="$1" -v t="$3" -v op="$2" 'BEGIN {
        ok = (op == ">=" && m >= t) || (op == "<=" && m <= t) || (op == "<" && m < t)
        print ok ? "met" : "**missed**" }'
}

write_report() {
    local slowest_ms=
    ((${#big_ms[@]})) && slowest_ms=$(printf '%s\n' "${big_ms[@]}" | sort -n | tail -n 1)
    local slowest=${slowest_ms:+$(seconds "$slowest_ms")}
    local slowest_s=${slowest_ms:+$(awk -v ms="$slowest_ms" 'BEGIN {print ms / 1000}')}
    local big_verdict
    big_verdict=$(verdict "$slowest_s" "<=" 0.5)
    ((big_failures == 0)) || big_verdict="**missed**"
    cat <<EOF
# Tally load benchmark

\`make bench\` (bench/run) on $bench_date. Raw wrk outputs, the cluster's logs and a copy of this report:
\`run/bench/\` (not committed).${BENCH_SKIP:+ Scenarios left out (\`BENCH_SKIP\`): $BENCH_SKIP.}

## Machine

| | |
|---|---|
| cores (nproc) | $cores |
| memory | $memory_total |
| CPU | $cpu_model |
| Java | $java_version |
| tools | $tools |
| load average before the run (1, 5, 15 min) | $load_before |

Everything runs on this one machine: wrk, nginx, the web and worker JVMs, the store, RabbitMQ.

## Targets (issue 14)

Issue 14's figures, measured in this run through the cluster's nginx (sections 1 to 6 give each measurement and
its command). "Today" is what the issue measured when it was filed.

$(targets_table "$slowest" "$big_verdict")

Reference points of this run, 64 connections through the same nginx: nginx answering by itself
${floor_rps[nginx]:-(not measured)} req/s; Tally's cheapest answer (a 404, no store, no broker)
${floor_rps[api]:-(not measured)} req/s.

Which targets this machine reaches in which of its spells, and why the worker's CPU per job is out of reach
here: "Where issue 14 ends" in What limits it, at the end of this report.

## Settings

- $TALLY_CLUSTER_WEB web JVMs and $workers worker JVMs (\`WEB\`, \`WORKERS\`), started by \`cluster/up\`; worker
  concurrency and prefetch: ${TALLY_WORKER_CONCURRENCY:-4} and ${TALLY_WORKER_PREFETCH:-4}
- JVM options: web \`$java_opts\`; workers \`$worker_java_opts\`; store \`$store_java_opts\`; web and
  worker JVMs with class data sharing (\`cluster/cds\`, \`TALLY_CLUSTER_CDS\`: ${TALLY_CLUSTER_CDS:-true})
- the job and dead-letter queues: classic, on the machine's RabbitMQ, $([[ ${TALLY_CLUSTER_LAZY_QUEUES:-true} == true ]] \
  && echo "lazy" || echo "in RabbitMQ's default mode") (\`cluster/up\`'s policy, \`TALLY_CLUSTER_LAZY_QUEUES\`; docs/queues.md)
- word counts kept in the job's document up to \`TALLY_RESULTS_INLINE_MAX_BYTES\` = ${TALLY_RESULTS_INLINE_MAX_BYTES:-0 (the default of cluster/up)}
  bytes of BSON, in GridFS above (docs/data-model.md; why 0: bench/limits.md)
- nginx POST limit \`$TALLY_NGINX_POST_RATE\`, burst $TALLY_NGINX_POST_BURST (all load comes from one address,
  so the deployment's 10r/s would measure only the limit); nginx writes its access log as deployed
- wrk with $threads threads, closed loop (each connection sends its next request when the answer came), with
  \`bench/wrk.lua\`; every scenario lasts $duration, but the cold start's load ($cold_seconds s)
- warm-up (JIT) before measuring, not counted: POSTs for $warmup at 16 connections before scenario 1;
  $warmup_jobs jobs of the 100 KB document and one of 20 MB before scenarios 2 and 3; GETs for $warmup at 16
  connections before scenario 2
- documents (generated by \`bench/document.awk\`, served by the cluster's nginx): \`doc100k.html\`
  ($(stat -c %s "$dir/docs/doc100k.html") bytes) and \`doc20m.html\` ($(stat -c %s "$dir/docs/doc20m.html") bytes), HTML of made-up words with
  Zipf-like frequencies from a vocabulary of 50,000
- order: make run's start (section 6); the cluster with no worker (\`cluster/up\` with \`WORKERS=0\`) for scenario
  1, so no worker competes for the cores, its ${post_purged:-?} queued jobs then purged (\`rabbitmqctl purge_queue\`;
  they stay IN_PROGRESS in the store, and the sweeper re-publishes none during the run: \`TALLY_SWEEPER_STALE_AFTER_MS\`
  = $TALLY_SWEEPER_STALE_AFTER_MS); the cold start (section 6): the web JVMs restarted, POST load on them (its
  jobs purged too), the workers started one at a time; then scenarios 2 and 3, which so count only their own jobs

EOF
    cat <<EOF
## 1. POST /word-count through nginx

Body \`{"url": "$doc_100k"}\`.

| connections | command | requests/s | p50 | p99 | requests | errors |
|---|---|---|---|---|---|---|
$(printf '%s\n' "${post_rows[@]}")

For reference, what the same box does at 64 connections with no Tally work: nginx answering by itself, and
Tally's cheapest API answer, a 404 for a malformed job id (nginx, Tomcat, the filters and one Camel route; no
store, no broker).

| what | command | requests/s | p50 | p99 | answers |
|---|---|---|---|---|---|
$(printf '%s\n' "${floor_rows[@]}")

## 2. GET /word-count/{id} of a COMPLETE job

The job of the 100 KB document; its answer is ${get_bytes:-?} bytes (the whole word count).

| connections | command | requests/s | p50 | p99 | requests | errors |
|---|---|---|---|---|---|---|
$(printf '%s\n' "${get_rows[@]}")

## 3. Job drain, POST while the workers drain, and a 20 MB document

Drains of $(echo "$drain_jobs" | sed 's/ / and /g') jobs of the 100 KB document, each POSTed through nginx by one
\`curl --parallel --parallel-max $drain_connections\` (\`submit_jobs\` in bench/jobs.sh), the workers consuming
meanwhile. Timed from the first POST until the workers' job log lines (\`dev.tally.jobs\`, one per job COMPLETE or
FAIL, counted in their log files every 100 ms, which costs the workers nothing) grew by the number of jobs
accepted, or for at most 60 s plus a tenth of a second per job. Other answers: status:count (000: none).

| jobs | accepted (202) | other answers | all POSTed after | all finished after | jobs/s | FAILed |
|---|---|---|---|---|---|---|
$(printf '%s\n' ${drain_rows[@]+"${drain_rows[@]}"})

POST load while the workers drain: wrk POSTs jobs of the 100 KB document at 64 connections for $duration with the
workers running. When the POSTs queue jobs faster than the workers finish them, a backlog forms in the first
second and the workers drain it until the load ends (a backlog left at the end shows it): they finished
${busy_jobs:-?} jobs meanwhile (${busy_jobs_rps:-?} jobs/s), and ${busy_backlog:-?} were still queued at the end (then
purged; they stay IN_PROGRESS in the store).

| connections | command | requests/s | p50 | p99 | requests | errors |
|---|---|---|---|---|---|---|
$(printf '%s\n' ${busy_rows[@]+"${busy_rows[@]}"})

One job of the 20 MB document at a time, the workers otherwise idle. Client: from the POST until a GET (polled
every 50 ms) answers COMPLETE. Server: the job's \`updated_at\` minus its \`created_at\`.

| run | status | server | client |
|---|---|---|---|
$(printf '%s\n' "${big_rows[@]}")

A word list of $vocabulary_words distinct words (bench/vocabulary.awk; 25 MB at the default 3,000,000): its histogram
is over MongoDB's 16 MB document limit, so the worker writes it to GridFS and the API streams it. The job from
POST to COMPLETE as for the 20 MB document; then one GET of the whole job and one of its CSV, by curl. The worker
JVMs run with the cluster's heap (\`$(grep -o -- '-Xmx[^ ]*' <<< "$worker_java_opts")\`); their peak RSS over the whole run is in section 4.

| outcome | server | client | GET /word-count/{id} | GET …/word-count.csv |
|---|---|---|---|---|
$vocabulary_row

## 4. Memory

Resident memory of each JVM at the end of the run (the web JVMs of scenario 1 when they were stopped for the cold
start): peak (VmHWM in /proc/<pid>/status) and current (VmRSS); and, to tell where the time went, the CPU time each used over the whole run (warm-ups included) and its time
in garbage collection (jstat).

| process | peak RSS | RSS at the end | CPU | GC |
|---|---|---|---|---|
$(printf '%s\n' "${memory_rows[@]}")

## 5. CPU per request

Milliseconds of CPU each group of processes used per request (per job in the drains), from \`/proc/<pid>/stat\`
before and after each wrk run: both web JVMs together, both workers together, and nginx's worker processes.
The last column is what the rest of the $cores cores did meanwhile: wrk (curl in the drain) and idle time.

| scenario | web | workers | store | RabbitMQ | nginx | these together | rest of the cores |
|---|---|---|---|---|---|---|---|
$(printf '%s\n' "${cpu_rows[@]}")

## 6. Cold start

Each start timed from the launch of the JVM to its first 200 from \`/health\` (polled every 100 ms for make run,
every 200 ms by \`cluster/up\`, which logs the time: "web-1 healthy 4.1 s after its launch").

- \`make run\`'s JVM, as the Makefile runs it (\`java \$(cluster/cds target/tally.jar target/cds)\`, the JVM's
  default options, embedded broker and store), here on free ports and a data directory of its own, the
  cluster's archive (same jar, same training run), before the cluster started:
  \`${make_run_command:-not run}\`: $(listed_seconds ${make_run_s[@]+"${make_run_s[@]}"})
- web JVMs, against the running broker and store, started one at a time after scenario 1 (the web JVMs of
  scenario 1 stopped first; while web-2 starts, web-1 is idle): \`TALLY_CLUSTER_WEB=<n> cluster/up\` with the
  web JVM options above: $(listed_seconds ${web_start_s[@]+"${web_start_s[@]}"})
- worker JVMs, the same way, one at a time: \`TALLY_CLUSTER_WORKERS=<n> cluster/up\`:
  $(listed_seconds ${worker_start_s[@]+"${worker_start_s[@]}"})

The first $cold_seconds s of load: as soon as the last web JVM was healthy (and nginx reloaded with both), wrk POSTs
at 64 connections, no worker running, as in scenario 1 (whose warm figure is ${post_rps[64]:-?} req/s).

| connections | command | requests/s | p50 | p99 | requests | errors |
|---|---|---|---|---|---|---|
$(printf '%s\n' ${cold_rows[@]+"${cold_rows[@]}"})

$(cat "$bench_home/limits.md")
EOF
}
