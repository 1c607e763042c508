/** The params a notice fills its template's `{placeholders}` with. */
export type TemplateParams = Record<string, string | number | null | undefined>;

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/**
 * Fills `{name}` from `params`. A placeholder without a value stays as written, so a missing parameter shows in the
 * notice instead of silently vanishing from the sentence.
 */
export function renderTemplate(template: string, params: TemplateParams = {}): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = params[name];
    return value === undefined || value === null ? whole : String(value);
  });
}
