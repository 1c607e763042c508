-- One database per subgraph: a subgraph never reads another's tables.
CREATE DATABASE IF NOT EXISTS platform_identity CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS platform_activity CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
