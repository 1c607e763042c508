export * from './check-foreign-ref';
export * from './foreign-ref.entity';
export * from './foreign-ref.projection';
export * from './foreign-ref.source';

import { ForeignRef } from './foreign-ref.entity';

/** Add to a subgraph's `entities` when it checks foreign references (checkForeignRef). */
export const directoryEntities = [ForeignRef];
