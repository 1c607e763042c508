import { runMain } from '@platform/kit';
import { worklogs } from './worklogs.subgraph';

/** Separate-process mode: `npx node subgraphs/worklogs/dist/main.js` serves worklogs on PORT (4004). */
export const listen = (port?: number) => worklogs.listen(port);

if (require.main === module) runMain(listen);
