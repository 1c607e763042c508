/** What `npm run demo -- …` fills a tenant with (every count is a whole number ≥ its minimum). */
export interface DemoOptions {
  /** The tenant's code; the admin must belong to it. */
  tenant: string;
  cases: number;
  agencies: number;
  groupsPerAgency: number;
  teamsPerGroup: number;
  collectorsPerTeam: number;
  /** Work (communications, PTPs, repayments) spreads over the last `days` days. */
  days: number;
  /** The tenant admin who creates the accounts. */
  admin: string;
  password: string;
  /** Password of every account the demo creates. */
  userPassword: string;
  /** Marks this run's codes and login ids (`demo_<tag>_…`), so runs add to each other; default random. */
  tag: string;
  /** The PRNG's seed: the same seed and counts give the same data. */
  seed: number;
  /** A running platform's router (`http://host:4000/graphql`); absent: embedded. */
  router?: string;
  /** With `router`: the collections database URL (its rows are written there until collections has admin mutations). */
  collectionsDb?: string;
}

export const DEMO_DEFAULTS: Omit<DemoOptions, 'tag'> = {
  tenant: 'DEMO',
  cases: 5000,
  agencies: 2,
  groupsPerAgency: 1,
  teamsPerGroup: 2,
  collectorsPerTeam: 5,
  days: 30,
  admin: 'tenantadmin',
  password: 'admin123',
  userPassword: 'demo123',
  seed: 1,
};

const NUMBERS: Record<string, { key: keyof DemoOptions; min: number; max: number }> = {
  '--cases': { key: 'cases', min: 1, max: 200_000 },
  '--agencies': { key: 'agencies', min: 1, max: 50 },
  '--groups': { key: 'groupsPerAgency', min: 1, max: 20 },
  '--teams': { key: 'teamsPerGroup', min: 1, max: 20 },
  '--collectors': { key: 'collectorsPerTeam', min: 1, max: 50 },
  '--days': { key: 'days', min: 1, max: 365 },
  '--seed': { key: 'seed', min: 0, max: 2 ** 31 },
};
const TEXTS: Record<string, keyof DemoOptions> = {
  '--tenant': 'tenant',
  '--admin': 'admin',
  '--password': 'password',
  '--user-password': 'userPassword',
  '--tag': 'tag',
  '--router': 'router',
  '--collections-db': 'collectionsDb',
};

export const DEMO_USAGE = [
  'npm run demo -- [--tenant DEMO] [--cases 5000] [--agencies 2] [--groups 1] [--teams 2] [--collectors 5] [--days 30]',
  '                [--admin tenantadmin --password admin123] [--user-password demo123] [--tag x1] [--seed 1]',
  '                [--router http://localhost:4000/graphql --collections-db mysql://…/platform_collections]',
].join('\n');

/** `--name value` pairs; an unknown flag, a missing value or a number out of range throws, naming it. */
export function parseDemoArgs(argv: readonly string[], randomTag: () => string): DemoOptions {
  const options: Record<string, unknown> = { ...DEMO_DEFAULTS };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined || value.startsWith('--')) throw new Error(`${flag} needs a value`);
    if (flag in NUMBERS) {
      const { key, min, max } = NUMBERS[flag];
      const n = Number(value);
      if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${flag} must be a whole number from ${min} to ${max}`);
      options[key] = n;
    } else if (flag in TEXTS) {
      options[TEXTS[flag]] = value;
    } else {
      throw new Error(`unknown option ${flag}`);
    }
  }
  const tag = (options.tag as string | undefined) ?? randomTag();
  if (!/^[a-z0-9]{1,8}$/.test(tag)) throw new Error('--tag must be 1–8 lower-case letters or digits');
  if (options.router && !options.collectionsDb) throw new Error('--router needs --collections-db (collections has no admin mutations for these rows yet)');
  // A running platform holds its SQLite files: a second writer gets SQLITE_BUSY. Embedded mode covers SQLite.
  if (options.router && !/^(mysql|mariadb):\/\//.test(String(options.collectionsDb))) {
    throw new Error('--collections-db must be the running platform\'s MySQL/MariaDB collections database (on SQLite, stop it and run embedded)');
  }
  return { ...(options as Omit<DemoOptions, 'tag'>), tag };
}
