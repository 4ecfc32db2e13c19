#!/usr/bin/env bash
# A throwaway PostgreSQL for the tests: a cluster in a temporary folder, on a loopback port, trusted locally.
#   source .ci/postgres.sh start [PORT]   → exports PHOCHAU_TEST_POSTGRES (a connection string to it); PORT: the first free from 55432
#   .ci/postgres.sh stop DIR
# initdb refuses root: the cluster belongs to the "postgres" user that Debian's package creates.
set -euo pipefail
cmd=${1:-start}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
case "$cmd" in
  start)
    port=${2:-}
    if [ -z "$port" ]; then
      # The first free loopback port from 55432 on (a port something answers on is taken).
      for port in $(seq 55432 55532); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
      done
    fi
    if [ -z "$bin" ]; then
      echo "Installing Debian postgresql for the PostgreSQL tests..."
      if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
      $SUDO apt-get update -qq
      DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
      bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    fi
    dir=$(mktemp -d /tmp/phochau-pg.XXXXXX)
    as=()
    if [ "$(id -u)" -eq 0 ]; then chown postgres "$dir"; as=(runuser -u postgres --); fi
    "${as[@]}" "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
    "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start >/dev/null
    export PHOCHAU_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres"
    export PHOCHAU_TEST_POSTGRES_DIR="$dir"
    echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') at 127.0.0.1:$port (cluster $dir)"
    ;;
  stop)
    dir=$2
    as=()
    if [ "$(id -u)" -eq 0 ]; then as=(runuser -u postgres --); fi
    "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null || true
    rm -rf "$dir"
    ;;
esac
