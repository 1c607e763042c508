// The contract suite again, on MariaDB + Redis: the 5th of CONTRACT_SHARDS parts (support/contract-shard.ts).
import { registerContractShard } from './support/contract-shard';

registerContractShard(5);
