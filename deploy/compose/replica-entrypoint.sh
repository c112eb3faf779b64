#!/bin/bash
# The streaming replica: on first start, a base backup of the primary with pg_basebackup -R (which
# writes standby.signal and primary_conninfo) through a replication slot, so that the primary keeps
# the WAL the replica has not received yet; then the server, read-only, replaying for ever.
set -euo pipefail
PGDATA="${PGDATA:-/var/lib/postgresql/18/docker}"
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  mkdir -p "$PGDATA"
  chown postgres:postgres "$PGDATA"
  chmod 700 "$PGDATA"
  until pg_isready -h "$PRIMARY_HOST" -U replicator; do sleep 1; done
  gosu postgres env PGPASSWORD="$REPLICATION_PASSWORD" pg_basebackup \
    --host="$PRIMARY_HOST" --username=replicator --pgdata="$PGDATA" \
    --wal-method=stream --write-recovery-conf --create-slot --slot=replica1 --checkpoint=fast --progress
fi
exec gosu postgres postgres -D "$PGDATA" -c hot_standby=on
