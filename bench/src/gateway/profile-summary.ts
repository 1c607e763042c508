import { readFileSync } from 'node:fs';

/**
 * `npx node bench/dist/gateway/profile-summary.js <file.cpuprofile> [top]`: where a process spent its CPU, from a
 * profile the bench wrote with `--profile` — self time by package and by function, idle left out of the shares.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function summarise(path: string, top: number): string {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const frame = nodes.get(id)!.callFrame;
    const micros = profile.timeDeltas[i] ?? 0;
    if (frame.functionName === '(idle)') return;
    busy += micros;
    add(byPackage, packageOf(frame.url) ?? frame.functionName, micros);
    add(byFunction, `${frame.functionName || '(anonymous)'}  ${packageOf(frame.url) ?? '(native)'}:${frame.lineNumber + 1}`, micros);
  });
  const list = (title: string, map: Map<string, number>) => [
    `\n${title}`,
    ...[...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([key, micros]) => `${((100 * micros) / busy).toFixed(1).padStart(5)}%  ${key}`),
  ];
  return [
    `${path}: ${(busy / 1e6).toFixed(1)} s of CPU (shares below are of that, idle excluded)`,
    ...list('self time by package', byPackage),
    ...list('self time by function', byFunction),
  ].join('\n');
}

/** `node_modules/@apollo/gateway/dist/x.js` → `@apollo/gateway`; the workspace's own code by its folder. */
function packageOf(url: string): string | undefined {
  if (!url) return undefined;
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (dependency) return dependency[1];
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  const workspace = /\/(kit|router|rest-adapter|scripts|bench|subgraphs\/[^/]+)\/dist\//.exec(url);
  return workspace ? `@platform/${workspace[1].replace('subgraphs/', '')}` : url;
}

function add(map: Map<string, number>, key: string, micros: number): void {
  map.set(key, (map.get(key) ?? 0) + micros);
}

const [file, top] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: profile-summary <file.cpuprofile> [top]\n');
  process.exit(2);
}
process.stdout.write(`${summarise(file, Number(top ?? 30))}\n`);
