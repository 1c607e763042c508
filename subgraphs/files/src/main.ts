import { runMain } from '@platform/kit';
import { files } from './files.subgraph';

/** Separate-process mode: `npx node subgraphs/files/dist/main.js` serves files on PORT (4005). */
export const listen = (port?: number) => files.listen(port);

if (require.main === module) runMain(listen);
