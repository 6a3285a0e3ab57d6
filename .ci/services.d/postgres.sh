#!/usr/bin/env bash
# PostgreSQL for tests/store/test_postgres.py: install the Debian server, start a cluster,
# create the role and database the tests use by default, and the psycopg driver.
# Tests look for RASHOMON_TEST_PG (default postgresql://rashomon:rashomon@127.0.0.1:5432/
# rashomon_test) and skip when they cannot connect.
set -eu

if ! command -v pg_ctlcluster >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

if command -v pg_lsclusters >/dev/null 2>&1; then
    # Debian's wrapper: start the first cluster (create one when there is none).
    if [ -z "$(pg_lsclusters -h 2>/dev/null)" ]; then
        version=$(ls /usr/lib/postgresql | sort -V | tail -1)
        pg_createcluster "$version" main >/dev/null
    fi
    read -r version cluster _ <<<"$(pg_lsclusters -h | head -1)"
    pg_ctlcluster "$version" "$cluster" start >/dev/null 2>&1 || true
else
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    data=/var/lib/postgresql/rashomon-ci
    if [ ! -d "$data" ]; then
        install -d -o postgres -g postgres "$data"
        su postgres -c "$bin/initdb -D $data -A md5 --auth-local=peer -U postgres" >/dev/null
    fi
    su postgres -c "$bin/pg_ctl -D $data -l $data/server.log -w start" >/dev/null || true
fi

# Wait for the server (up to ~15 s).
for _ in $(seq 30); do
    su postgres -c "psql -qAtc 'SELECT 1'" >/dev/null 2>&1 && break
    sleep 0.5
done

su postgres -c "psql -qv ON_ERROR_STOP=1" <<'SQL'
DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'rashomon') THEN
        CREATE ROLE rashomon LOGIN PASSWORD 'rashomon' CREATEDB;
    END IF;
END $$;
SQL
if ! su postgres -c "psql -qAtc \"SELECT 1 FROM pg_database WHERE datname = 'rashomon_test'\"" | grep -q 1; then
    su postgres -c "createdb -O rashomon rashomon_test"
fi

python -c "import psycopg" 2>/dev/null || pip install -q 'psycopg[binary]>=3.1'
echo "PostgreSQL ready: postgresql://rashomon:rashomon@127.0.0.1:5432/rashomon_test"
