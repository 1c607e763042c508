/** The input's fields that were given (`undefined` and `null` dropped): what an update changes. */
export function defined<T extends object>(input: T): { [K in keyof T]?: Exclude<T[K], null | undefined> } {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && v !== null)) as never;
}
