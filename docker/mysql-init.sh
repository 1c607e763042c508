# Sourced by the MySQL image on first start (kept non-executable for that): one database per subgraph of
# subgraphs/registry.json, mounted at /etc/platform/registry.json, so a subgraph never reads another's tables and
# adding one needs no line here. Run by hand (`bash docker/mysql-init.sh`), it prints the SQL instead.
platform_databases_sql() {
  local registry="${PLATFORM_REGISTRY:-/etc/platform/registry.json}" name
  for name in $(grep -o '"name": *"[a-z][a-z0-9-]*"' "$registry" | sed -E 's/.*"([a-z][a-z0-9-]*)"$/\1/'); do
    echo "CREATE DATABASE IF NOT EXISTS \`platform_${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
  done
}
if declare -F docker_process_sql >/dev/null; then
  platform_databases_sql | docker_process_sql
else
  platform_databases_sql
fi
