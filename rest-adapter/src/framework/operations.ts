import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import {
  Kind,
  parse,
  print,
  visit,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';

/** Names one GraphQL operation in a family's `operations/` folder of `.graphql` files. */
export interface OperationRef {
  folder: string;
  name: string;
}

export interface LoadedOperation extends OperationRef {
  file: string;
  /** The operation and exactly the fragments it uses (sent with `operationName`). */
  document: string;
}

/** A family's operations folder; `op('HrLogin')` names an operation defined in one of its files. */
export function operationFolder(folder: string) {
  return { op: (name: string): OperationRef => ({ folder, name }) };
}

/** `tsc` copies no `.graphql` files, so compiled code (`dist/…`) reads them from the matching `src/…` folder. */
function resolveFolder(folder: string): string {
  if (existsSync(folder)) return folder;
  const fromSource = folder.replace(`${sep}dist${sep}`, `${sep}src${sep}`);
  if (existsSync(fromSource)) return fromSource;
  throw new Error(`GraphQL operations folder not found: ${folder}`);
}

interface Folder {
  operations: Map<string, { file: string; node: OperationDefinitionNode }>;
  fragments: Map<string, FragmentDefinitionNode>;
}

const folders = new Map<string, Folder>();

function readFolder(folder: string): Folder {
  const cached = folders.get(folder);
  if (cached) return cached;
  const dir = resolveFolder(folder);
  const result: Folder = { operations: new Map(), fragments: new Map() };
  for (const fileName of readdirSync(dir).filter((f) => f.endsWith('.graphql')).sort()) {
    const file = join(dir, fileName);
    for (const def of parse(readFileSync(file, 'utf8')).definitions) {
      if (def.kind === Kind.FRAGMENT_DEFINITION) {
        result.fragments.set(def.name.value, def);
      } else if (def.kind === Kind.OPERATION_DEFINITION) {
        if (!def.name) throw new Error(`${file}: every operation needs a name`);
        if (result.operations.has(def.name.value)) throw new Error(`${file}: operation ${def.name.value} defined twice`);
        result.operations.set(def.name.value, { file, node: def });
      }
    }
  }
  folders.set(folder, result);
  return result;
}

/** The fragments a definition spreads, transitively (fragments are shared across a folder's files). */
function usedFragments(root: OperationDefinitionNode, fragments: Folder['fragments'], file: string) {
  const used = new Map<string, FragmentDefinitionNode>();
  const pending: Array<OperationDefinitionNode | FragmentDefinitionNode> = [root];
  while (pending.length) {
    visit(pending.pop()!, {
      FragmentSpread(node) {
        const name = node.name.value;
        if (used.has(name)) return;
        const fragment = fragments.get(name);
        if (!fragment) throw new Error(`${file}: fragment ${name} is not defined in its folder`);
        used.set(name, fragment);
        pending.push(fragment);
      },
    });
  }
  return [...used.values()];
}

/** Reads (once) the operation a route names; throws naming the folder when it does not exist. */
export function loadOperation(ref: OperationRef): LoadedOperation {
  const folder = readFolder(ref.folder);
  const found = folder.operations.get(ref.name);
  if (!found) throw new Error(`GraphQL operation ${ref.name} not found in ${ref.folder}`);
  const definitions = [found.node, ...usedFragments(found.node, folder.fragments, found.file)];
  return { ...ref, file: found.file, document: definitions.map((d) => print(d)).join('\n\n') };
}
