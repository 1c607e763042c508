// Two projects: `unit` runs in-process (SQLite :memory:, in-memory bus), `integration` needs the real
// MariaDB + Redis named by DATABASE_URL / REDIS_URL (files named *.int.test.ts).
// Subgraphs come from subgraphs/registry.json, so adding one needs no line here.
const subgraphs = require('./subgraphs/registry.json').subgraphs.map((s) => s.name);
const moduleNameMapper = {
  '^@platform/(kit|testkit|router|rest-adapter|scripts|simulator)$': '<rootDir>/$1/src',
  [`^@platform/(${subgraphs.join('|')})$`]: '<rootDir>/subgraphs/$1/src',
};
const transform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }],
};
const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  moduleNameMapper,
  transform,
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};
module.exports = {
  // Setup hooks start subgraphs (migrations, argon2 seeding): on a busy 2-core machine that can pass jest's 5 s.
  // A test that waits for something asserts its own, shorter deadline. (A global option: inside a project jest
  // ignores it.)
  testTimeout: 30_000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      setupFiles: ['reflect-metadata', '<rootDir>/testkit/unit-env.js'],
      testMatch: ['**/test/**/*.test.ts', '!**/*.int.test.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      setupFiles: ['reflect-metadata', '<rootDir>/testkit/int-env.js'],
      testMatch: ['**/test/**/*.int.test.ts'],
    },
  ],
};
