import { runMain } from '@platform/kit';
import { leads } from './leads.subgraph';

/** Separate-process mode: `npx node subgraphs/leads/dist/main.js` serves leads on PORT (4003). */
export const listen = (port?: number) => leads.listen(port);

if (require.main === module) runMain(listen);
