#!/usr/bin/env bash
# Source it (no `set -e` here on purpose): defines pg_up / pg_down for a throwaway PostgreSQL on
# 127.0.0.1:$PGPORT (trust auth, data in a temp dir), run as the 'postgres' OS user when we are root,
# because initdb/postgres refuse to run as root.
#   source scripts/pg-throwaway.sh; trap pg_down EXIT; pg_up
#   export Database__Provider=Postgres ConnectionStrings__DonDoc="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=dondoc"
PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
export PGPORT="${PGPORT:-55432}" PGHOST=127.0.0.1 PGUSER=postgres
_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_up() {
  [ -x "$PG_BIN/initdb" ] || { echo "PostgreSQL binaries not found (apt-get install postgresql)" >&2; return 1; }
  if (exec 3<>"/dev/tcp/127.0.0.1/$PGPORT") 2>/dev/null; then echo "port $PGPORT busy" >&2; return 1; fi
  PGTMP="$(mktemp -d "${TMPDIR:-/tmp}/pg.XXXXXX")" && export PGTMP
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$PGTMP"
  _pg "$PG_BIN/initdb" -D "$PGTMP/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync \
    >"$PGTMP/initdb.log" 2>&1 || { cat "$PGTMP/initdb.log" >&2; return 1; }
  _pg "$PG_BIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGTMP -c max_connections=300" \
    start >/dev/null || { cat "$PGTMP/server.log" >&2; return 1; }
}
pg_down() {
  [ -n "${PGTMP:-}" ] || return 0
  _pg "$PG_BIN/pg_ctl" -D "$PGTMP/data" -m fast -w stop >/dev/null 2>&1
  rm -rf "$PGTMP"; unset PGTMP
}
