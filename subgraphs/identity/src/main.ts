import { runMain } from '@platform/kit';
import { identity } from './identity.subgraph';

/** Separate-process mode: `npx node subgraphs/identity/dist/main.js` serves identity on PORT (4001). */
export const listen = (port?: number) => identity.listen(port);

if (require.main === module) runMain(listen);
