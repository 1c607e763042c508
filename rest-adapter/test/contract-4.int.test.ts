// The contract suite again, on MariaDB + Redis: the 4th of CONTRACT_SHARDS parts (support/contract-shard.ts).
import { registerContractShard } from './support/contract-shard';

registerContractShard(4);
