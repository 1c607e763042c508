import type { FetchNode } from '@apollo/query-planner';
import {
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  parse,
  print,
  valueFromASTUntyped,
  visit,
  type DocumentNode,
  type FieldNode,
  type FormattedExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';

/** The variable carrying the resume cursor in the upstream operation, and the alias the event's id comes back under. */
const AFTER_VARIABLE = 'routerResumeAfter';
const ID_ALIAS = '_routerResumeId';

/**
 * A subscription whose root field takes `after: ID` and whose payload has an `id` can be resumed: subscribed again
 * "after the last id delivered", the subgraph sends what the subscriber missed. The primary fetch is rewritten to
 * pass `after` through a variable of the router's (the client's own `after` is its first value) and to select the
 * payload's id under an alias of the router's, which is taken off the event again before the plan runs.
 */
export interface ResumableOperation {
  /** The primary fetch as sent upstream. */
  fetch: FetchNode;
  /** The cursor the client asked for (its own `after`), or null. */
  initialAfter: string | null;
  /** The variables of the upstream operation with `after` as given. */
  variables(after: string | null): Record<string, unknown>;
  /** The event's id, and the event as the original primary fetch would have answered it. */
  unwrap(event: FormattedExecutionResult): { id?: string; event: FormattedExecutionResult };
}

/** The resumable form of `primary`, or undefined when its root field is not resumable in `schema`. */
export function resumableOperation(
  schema: GraphQLSchema,
  primary: FetchNode,
  clientVariables: Record<string, unknown>,
): ResumableOperation | undefined {
  const document = primary.operationDocumentNode ?? parse(primary.operation);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const root = operation?.selectionSet.selections.find((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value !== '__typename');
  if (!operation || !root?.selectionSet) return undefined;
  const field = schema.getSubscriptionType()?.getFields()[root.name.value];
  const afterArg = field?.args.find((a) => a.name === 'after');
  const payload = field && getNamedType(field.type);
  if (!afterArg || getNamedType(afterArg.type).name !== 'ID') return undefined;
  if (!payload || !(isObjectType(payload) || isInterfaceType(payload)) || !payload.getFields().id) return undefined;

  const given = root.arguments?.find((a) => a.name.value === 'after');
  const initial = given ? valueFromASTUntyped(given.value, clientVariables) : null;
  const rewritten = visit(document, {
    OperationDefinition: (node) => ({
      ...node,
      variableDefinitions: [
        ...(node.variableDefinitions ?? []),
        {
          kind: Kind.VARIABLE_DEFINITION,
          variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: AFTER_VARIABLE } },
          type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'ID' } },
        },
      ],
    }),
    Field: (node) => (node === root ? withCursor(node) : undefined),
  });
  const document2 = withoutUnusedVariables(rewritten);
  const used = usedVariables(document2);
  const responseKey = (root.alias ?? root.name).value;
  const passed = Object.fromEntries(
    Object.entries(clientVariables).filter(([name]) => used.has(name) && name !== AFTER_VARIABLE),
  );
  return {
    fetch: { ...primary, operation: print(document2), operationDocumentNode: document2, variableUsages: [...used] },
    initialAfter: idOf(initial) ?? null,
    variables: (after) => ({ ...passed, [AFTER_VARIABLE]: after }),
    unwrap(event) {
      const payloadData = event.data?.[responseKey] as Record<string, unknown> | null | undefined;
      if (!payloadData || typeof payloadData !== 'object' || !(ID_ALIAS in payloadData)) return { event };
      const { [ID_ALIAS]: id, ...rest } = payloadData;
      return {
        id: idOf(id),
        event: { ...event, data: { ...event.data, [responseKey]: rest } },
      };
    },
  };
}

/** The root field with `after: $routerResumeAfter` (replacing the client's) and its payload's id under the alias. */
function withCursor(node: FieldNode): FieldNode {
  return {
    ...node,
    arguments: [
      ...(node.arguments ?? []).filter((a) => a.name.value !== 'after'),
      {
        kind: Kind.ARGUMENT,
        name: { kind: Kind.NAME, value: 'after' },
        value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: AFTER_VARIABLE } },
      },
    ],
    selectionSet: {
      kind: Kind.SELECTION_SET,
      selections: [
        ...node.selectionSet!.selections,
        { kind: Kind.FIELD, alias: { kind: Kind.NAME, value: ID_ALIAS }, name: { kind: Kind.NAME, value: 'id' } },
      ],
    },
  };
}

/** An ID as GraphQL serializes it: a string (a number is accepted on input), else nothing. */
function idOf(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

function usedVariables(document: DocumentNode): Set<string> {
  const used = new Set<string>();
  visit(document, {
    VariableDefinition: () => false,
    Variable: (node) => {
      used.add(node.name.value);
    },
  });
  return used;
}

/** A client variable only the replaced `after` used would fail validation upstream ("never used"): drop it. */
function withoutUnusedVariables(document: DocumentNode): DocumentNode {
  const used = usedVariables(document);
  return visit(document, {
    VariableDefinition: (node) => (used.has(node.variable.name.value) ? undefined : null),
  });
}

/** Ids remembered per subscription to drop an event the subgraph sends again around a resume. */
const REMEMBERED_IDS = 1_000;

/** Where a resumable subscription stands: the id of the last event delivered, and the recent ones (to drop repeats). */
export class ResumeCursor {
  private readonly recent = new Set<string>();

  constructor(public after: string | null) {}

  /** Records `id` as delivered; false when it already was (a repeat, to drop). */
  deliver(id: string): boolean {
    if (this.recent.has(id)) return false;
    this.recent.add(id);
    if (this.recent.size > REMEMBERED_IDS) this.recent.delete(this.recent.values().next().value!);
    this.after = id;
    return true;
  }
}
