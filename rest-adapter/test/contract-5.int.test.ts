// The contract suite again, on MariaDB + Redis: part 5 of CONTRACT_SHARDS (support/contract-shard.ts).
import { registerContractShard } from './support/contract-shard';

registerContractShard(5);
