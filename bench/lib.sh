# Settings and helpers for bench/run (sourced, not run). Every setting is an environment variable with a
# default; see "Cluster and benchmark" in README.md.
# shellcheck shell=bash source-path=SCRIPTDIR
# shellcheck disable=SC2034 # settings read by bench/run and bench/report.sh

bench_home=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# the benchmark's own cluster: its own run directory, queues and database, never the one make cluster starts
export TALLY_CLUSTER_DIR=${BENCH_DIR:-$(dirname "$bench_home")/run/bench}
export TALLY_CLUSTER_WEB=${WEB:-2}
workers=${WORKERS:-2}
run_id=$(date +%Y%m%d%H%M%S)_$$
export TALLY_CLUSTER_QUEUE=tally.jobs.bench.$run_id
export TALLY_CLUSTER_DEAD_LETTER_QUEUE=tally.jobs.dlq.bench.$run_id
export TALLY_CLUSTER_DATABASE=tally_bench_$run_id
# the benchmark measures Tally, not nginx's per-address limit (all load comes from one address)
export TALLY_NGINX_POST_RATE=${BENCH_NGINX_POST_RATE:-1000000r/s}
export TALLY_NGINX_POST_BURST=${BENCH_NGINX_POST_BURST:-1000000}
# the POST scenarios' purged jobs stay IN_PROGRESS: the sweeper would re-publish them 15 minutes after their POST,
# inside a long run (it still runs every minute, as deployed; only its threshold is past the run's end)
export TALLY_SWEEPER_STALE_AFTER_MS=${TALLY_SWEEPER_STALE_AFTER_MS:-3600000}
duration=${BENCH_DURATION:-20s}
warmup=${BENCH_WARMUP:-30s}
# enough jobs for the workers' JIT to settle before the drain is measured
warmup_jobs=${BENCH_WARMUP_JOBS:-4000}
post_connections=${BENCH_POST_CONNECTIONS:-16 64}
get_connections=${BENCH_GET_CONNECTIONS:-64}
# issue 14's target is for 1,000 jobs; 2,000 as the reports before it measured (a list: one drain each)
drain_jobs=${BENCH_DRAIN_JOBS:-1000 2000}
drain_connections=${BENCH_DRAIN_CONNECTIONS:-32}
big_runs=${BENCH_BIG_RUNS:-3}
# POST load on freshly started web JVMs lasts this many seconds (issue 14: "the first 15 s of load")
cold_seconds=${BENCH_COLD_SECONDS:-15}
make_run_starts=${BENCH_MAKE_RUN_STARTS:-1}
# scenarios left out, for short trial runs (the report says "not measured"): any of make-run floor cold get
# drain busy big vocabulary
skipped=" ${BENCH_SKIP:-} "
wanted() { [[ $skipped != *" $1 "* ]]; }
report=${BENCH_REPORT:-$bench_home/report.md}

# shellcheck source=../cluster/common.sh
source "$bench_home/../cluster/common.sh"
log() { echo "bench: $*" >&2; }
die() { log "$*"; exit 1; }

# common.sh read the ports with the cluster's defaults (8088/8089); the benchmark takes free ones unless set
nginx_port=${TALLY_CLUSTER_PORT:-$(free_port)}
docs_port=${TALLY_CLUSTER_DOCS_PORT:-$(free_port)}
while [[ -z ${TALLY_CLUSTER_DOCS_PORT:-} && $docs_port == "$nginx_port" ]]; do docs_port=$(free_port); done
export TALLY_CLUSTER_PORT=$nginx_port TALLY_CLUSTER_DOCS_PORT=$docs_port
threads=${BENCH_WRK_THREADS:-$(nproc)}
api=http://127.0.0.1:$nginx_port
doc_100k=http://127.0.0.1:$docs_port/doc100k.html
doc_20m=http://127.0.0.1:$docs_port/doc20m.html
vocabulary_words=${BENCH_VOCABULARY_WORDS:-3000000}
doc_vocabulary=http://127.0.0.1:$docs_port/vocabulary$vocabulary_words.txt
raw=$dir/raw

now_ms() { date +%s%3N; }

# The two documents, generated once (the generator is seeded: same bytes every time) and again when
# bench/document.awk changes.
make_documents() {
    mkdir -p "$dir/docs"
    local name bytes
    for name in doc100k:102400 doc20m:20971520; do
        bytes=${name#*:} name=${name%%:*}
        if [[ ! -s $dir/docs/$name.html || $bench_home/document.awk -nt $dir/docs/$name.html ]]; then
            log "writing $name.html ($bytes bytes)"
            awk -v bytes="$bytes" -f "$bench_home/document.awk" > "$dir/docs/$name.html.tmp"
            mv "$dir/docs/$name.html.tmp" "$dir/docs/$name.html"
        fi
    done
    local vocabulary=$dir/docs/vocabulary$vocabulary_words.txt
    if [[ ! -s $vocabulary || $bench_home/vocabulary.awk -nt $vocabulary ]]; then
        log "writing ${vocabulary##*/} ($vocabulary_words distinct words)"
        awk -v n="$vocabulary_words" -f "$bench_home/vocabulary.awk" > "$vocabulary.tmp"
        mv "$vocabulary.tmp" "$vocabulary"
    fi
}

# name connections duration url [post_url]: runs wrk (POST {"url": post_url} when given, GET otherwise),
# keeps its output in $raw/<name>.txt (and each process's CPU ticks before and after it in
# $raw/<name>.cpu-before and .cpu-after) and puts its summary into the associative array wrk_result, with
# command, the command line as typed.
declare -A wrk_result=()
run_wrk() {
    local name=$1 connections=$2 length=$3 url=$4 post_url=${5:-}
    local command=(wrk "-t$threads" "-c$connections" "-d$length" --latency -s bench/wrk.lua "$url")
    log "$name: ${command[*]}${post_url:+ (POST $post_url)}"
    cpu_ticks > "$raw/$name.cpu-before"
    local logged_before
    logged_before=$(wc -l < "$logs/nginx-access.log" 2>/dev/null || echo 0)
    (cd "$bench_home/.." && BENCH_POST_URL=$post_url "${command[@]}") > "$raw/$name.txt" 2>&1 \
        || die "wrk failed: $(tail -n 5 "$raw/$name.txt")"
    cpu_ticks > "$raw/$name.cpu-after"
    local line pair
    line=$(grep '^BENCH ' "$raw/$name.txt") || die "no BENCH line in $raw/$name.txt"
    wrk_result=([command]="${post_url:+BENCH_POST_URL=$post_url }${command[*]}")
    for pair in ${line#BENCH }; do wrk_result[${pair%%=*}]=${pair#*=}; done
    # the same requests as nginx timed them, from reading the request to sending the answer: what wrk adds on
    # top is the client's own wait for one of the cores it shares with everything it measures
    wrk_result[nginx_p99_ms]=$(tail -n +"$((logged_before + 1))" "$logs/nginx-access.log" \
        | grep -o ' rt=[0-9.]*' | cut -d= -f2 | sort -g \
        | awk '{ms[NR] = $1 * 1000} END {i = int(NR * 0.99); if (i < 1) i = 1; if (NR) printf "%.0f", ms[i]}' \
        || true)
}
