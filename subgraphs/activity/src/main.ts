import { runMain } from '@platform/kit';
import { activity } from './activity.subgraph';

/** Separate-process mode: `npx node subgraphs/activity/dist/main.js` serves activity on PORT (4002). */
export const listen = (port?: number) => activity.listen(port);

if (require.main === module) runMain(listen);
