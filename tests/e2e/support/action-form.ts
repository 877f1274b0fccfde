import { hasActionReference, hiddenFormFields, type FormField } from '../../support/action-form.mjs';

export type { FormField };

/** The hidden fields of the rendered form containing `marker`, with its server-action reference; throws when absent. */
export function actionFormFields(html: string, marker: string): FormField[] {
  const fields = hiddenFormFields(html, marker);
  if (!fields) throw new Error(`no form containing ${marker} on the page`);
  if (!hasActionReference(fields)) throw new Error(`the form containing ${marker} carries no server-action reference`);
  return fields;
}

/**
 * Posts a server-action form as a browser without JavaScript does (multipart, to the page's URL), with the
 * Origin of the site it is posted to, as a browser behind one public address would send it.
 */
export async function postActionForm(
  pageUrl: string,
  fields: readonly FormField[],
  opts: { cookie: string; extra?: readonly FormField[] },
): Promise<Response> {
  const body = new FormData();
  for (const [n, v] of [...fields, ...(opts.extra ?? [])]) body.append(n, v);
  return fetch(pageUrl, {
    method: 'POST',
    body,
    redirect: 'manual',
    headers: { cookie: opts.cookie, origin: new URL(pageUrl).origin },
  });
}
