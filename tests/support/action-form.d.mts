export type FormField = [name: string, value: string];
export function hiddenFormFields(html: string, marker: string): FormField[] | null;
export function hasActionReference(fields: readonly FormField[]): boolean;
