// The contract suite again, on MariaDB + Redis: every contract test file registers its tests here too, and
// startTestPlatform gives each its own databases on the server DATABASE_URL names.
import { readdirSync } from 'node:fs';
import path from 'node:path';

const dir = path.join(__dirname, 'contract');
for (const file of readdirSync(dir).filter((f) => f.endsWith('.test.ts')).sort()) {
  describe(file, () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- jest collects tests synchronously: a describe block cannot await import(), so each file is required into its own block
    require(path.join(dir, file));
  });
}
