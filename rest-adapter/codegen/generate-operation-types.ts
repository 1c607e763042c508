import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { operationTypeFiles } from './operation-types';

/** `npm run codegen`: rewrites every family's operations.generated.ts; a unit test fails when they drift. */
async function main(): Promise<void> {
  // Compiled to rest-adapter/codegen/dist/codegen/: the repository root is four levels up.
  const root = path.resolve(__dirname, '../../../..');
  for (const [file, content] of Object.entries(await operationTypeFiles(root))) {
    writeFileSync(path.join(root, file), content);
    process.stdout.write(`wrote ${file}\n`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
