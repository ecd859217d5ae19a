# Loopback ports for cluster/up, make bench and .ci/check-deploy (sourced, not run).
# shellcheck shell=bash

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# A loopback port nothing listens on and not handed out earlier in this shell, below the kernel's ephemeral
# range: a port in that range can be taken by any outgoing connection (a RabbitMQ or MongoDB client) between
# this check and the bind, which once left the store unable to listen, and nginx retrying a port in use.
declare -A handed_out=()
free_port() {
    local port ephemeral_low
    read -r ephemeral_low _ < /proc/sys/net/ipv4/ip_local_port_range
    ((ephemeral_low > 12000)) || ephemeral_low=32768
    while :; do
        port=$((10000 + RANDOM % (ephemeral_low - 10000)))
        [[ -z ${handed_out[$port]:-} ]] && ! listening "$port" && break
    done
    handed_out[$port]=1
    echo "$port"
}
