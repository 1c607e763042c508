import { runMain } from '@platform/kit';
import { collections } from './collections.subgraph';

/** Separate-process mode: `node subgraphs/collections/dist/main.js` serves collections on PORT (4006). */
export const listen = (port?: number) => collections.listen(port);

if (require.main === module) runMain(listen);
