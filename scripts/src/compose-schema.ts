import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { schemaFiles } from './schema';

/** `npm run schema`: regenerates schema/*.graphql from the subgraphs' code; a test fails when they drift. */
async function main(): Promise<void> {
  const dir = path.resolve(__dirname, '../../schema');
  for (const [file, content] of Object.entries(await schemaFiles())) {
    writeFileSync(path.join(dir, file), content);
    process.stdout.write(`wrote schema/${file}\n`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
