# Settings and helpers shared by cluster/up, cluster/down and cluster/status (sourced, not run).
# Every setting is an environment variable with a default; see "Cluster and benchmark" in README.md.
# shellcheck shell=bash

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dir=$(mkdir -p "${TALLY_CLUSTER_DIR:-$repo/run/cluster}" && cd "${TALLY_CLUSTER_DIR:-$repo/run/cluster}" && pwd)
jar=${TALLY_CLUSTER_JAR:-$repo/target/tally.jar}
web_count=${TALLY_CLUSTER_WEB:-2}
worker_count=${TALLY_CLUSTER_WORKERS:-2}
nginx_port=${TALLY_CLUSTER_PORT:-8088}
docs_port=${TALLY_CLUSTER_DOCS_PORT:-8089}
# Own queues and database, so the cluster never shares a queue with tests or another cluster on the broker.
queue=${TALLY_CLUSTER_QUEUE:-tally.jobs.cluster}
dead_letter_queue=${TALLY_CLUSTER_DEAD_LETTER_QUEUE:-tally.jobs.dlq.cluster}
database=${TALLY_CLUSTER_DATABASE:-tally_cluster}
start_timeout=${TALLY_CLUSTER_START_TIMEOUT:-300}
stop_timeout=${TALLY_CLUSTER_STOP_TIMEOUT:-40}
# Small, bounded JVMs (measured in bench/report.md): a fixed heap cap, serial GC (no parallel GC threads
# competing for 2 cores, no G1 remembered sets), smaller thread stacks, code cache and metaspace bounds.
# Transparent huge pages for the heap and code cache (the kernel's "madvise" mode, as here): 4-9 % less CPU per
# POST and per job, measured in pairs (bench/limits.md, "Session 19").
jvm_opts="-XX:+UseSerialGC -Xss512k -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=128m -XX:+ExitOnOutOfMemoryError -XX:+UseTransparentHugePages"
# Web JVMs: C1 only (TieredStopAtLevel=1) too, with freed malloc memory returned every 5 s. Tiered (C1 and C2)
# was measured for them (bench/limits.md, "Web CPU per request"): once C2 has compiled the request path a POST
# costs 0.46-0.52 ms of web CPU instead of 0.93-1.05 ms, but only after 60-120 s of load (9.7-11.8 ms per POST in
# the first 20 s, against 2.2 ms with C1), twice the CPU to start, and a peak of 367-385 MB resident, over the
# 350 MB bound. Issue 14 asks for the first 15 s of load and the memory bound as well, so C1 stays; to run the
# web tier tiered, set TALLY_CLUSTER_JAVA_OPTS to these options without -XX:TieredStopAtLevel=1. The JVMs are the
# first java on PATH: on Temurin 25 tiered warms up four times faster, and misses both still (bench/limits.md,
# "Session 11").
java_opts=${TALLY_CLUSTER_JAVA_OPTS:--Xms48m -Xmx192m $jvm_opts -XX:TieredStopAtLevel=1 -XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=5000}
# Workers: C1 only (TieredStopAtLevel=1). With five JVMs on two cores, C2 was still compiling their wide code
# (Spring, Camel, Tomcat, H2) minutes into a load, at a quarter to two fifths of each JVM's CPU; with C2 make
# bench drained as fast (163 against 165 jobs/s) for 60 % more worker CPU over the run and 50 MB more resident
# memory each (bench/limits.md). Counting a word list of 3,000,000 distinct words (make bench's vocabulary
# scenario) keeps at most 114-129 MB live (the counting table and the histogram built from it), all in serial
# GC's old generation; a fixed young generation of 24 MB leaves it 144 MB. With -Xmx256m that job took the worker
# to 394-400 MB resident, with these 336 MB (bench/limits.md, "Worker CPU per job").
# A worker starts with the old generation it will need (-Xms128m: no full collection to grow the heap on the way)
# and one compiler thread, which leaves the start's main thread a core: healthy 12-15 % sooner over 14 alternated
# restarts of each, as resident (bench/limits.md, "Session 22"). The web JVMs gained nothing from either.
worker_java_opts=${TALLY_CLUSTER_WORKER_JAVA_OPTS:--Xms128m -Xmx168m -Xmn24m $jvm_opts -XX:CICompilerCount=1 -XX:TieredStopAtLevel=1 -XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=5000}
# The store: C1, and huge pages as well (about 5 % less of its CPU per drained job; bench/limits.md, "Session 20").
store_java_opts=${TALLY_CLUSTER_STORE_JAVA_OPTS:--Xms32m -Xmx192m -XX:+UseSerialGC -Xss512k -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=48m -XX:+UseTransparentHugePages}

# The RabbitMQ policy cluster/up sets on this cluster's classic queues; delete_queues clears it with them.
lazy_policy() { echo "tally-lazy-$queue"; }

# Deletes this cluster's two queues and their policy (cluster/down keeps them; the benchmarks delete theirs).
delete_queues() {
    local name
    for name in "$queue" "$dead_letter_queue"; do
        rabbitmqctl -q delete_queue "$name" >/dev/null 2>&1 || true
    done
    rabbitmqctl -q clear_policy "$(lazy_policy)" >/dev/null 2>&1 || true
}

pids=$dir/pids
logs=$dir/logs
mkdir -p "$pids" "$logs"

log() { echo "cluster: $*" >&2; }
die() { log "$*"; exit 1; }

# The processes of this cluster, in start order: store, web-1..N, worker-1..M, nginx.
names() {
    local i
    echo store
    for ((i = 1; i <= web_count; i++)); do echo "web-$i"; done
    for ((i = 1; i <= worker_count; i++)); do echo "worker-$i"; done
    echo nginx
}

# Names with a pid file, whatever WEB/WORKERS say now (down and status act on what was started).
started_names() {
    local role file
    for role in store web worker nginx; do
        for file in "$pids/$role.pid" "$pids/$role"-*.pid; do
            if [[ -e $file ]]; then basename "$file" .pid; fi
        done | sort -V
    done
}

role_of() { local name=$1; echo "${name%%-*}"; }
pid_of() { cat "$pids/$1.pid" 2>/dev/null || true; }
port_of() { cat "$pids/$1.port" 2>/dev/null || true; }
# a web JVM's API port (TALLY_API_PORT: its Vert.x server); any other process's one port
api_port_of() { cat "$pids/$1.api-port" 2>/dev/null || port_of "$1"; }

# The pid still runs the process this cluster started (not a reused pid): its command line names this
# run directory (JVMs: -Dtally.cluster.process=<dir>/<name>; nginx: -p <dir>/nginx).
owned() {
    local name=$1 pid
    pid=$(pid_of "$name")
    [[ -n $pid && -r /proc/$pid/cmdline ]] || return 1
    # the trailing space keeps web-1 from matching web-10
    tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF -- "$dir/$name "
}

# shellcheck source=ports.sh
source "$repo/cluster/ports.sh"

http_status() {
    curl -s -o /dev/null -w '%{http_code}' --max-time "${2:-3}" "$1" 2>/dev/null || true
}

# Debian packages this needs, installed when missing (apt-get update at most once per run).
ensure_packages() {
    local missing=() package
    for package in "$@"; do
        case $package in
            nginx) command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || missing+=(nginx) ;;
            *) command -v "$package" >/dev/null || missing+=("$package") ;;
        esac
    done
    ((${#missing[@]})) || return 0
    log "installing ${missing[*]} from Debian"
    local sudo=
    ((EUID == 0)) || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive NEEDRESTART_SUSPEND=1 \
        $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

nginx_bin() { command -v nginx || echo /usr/sbin/nginx; }
