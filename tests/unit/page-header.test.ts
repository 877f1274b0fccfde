import { renderToStaticMarkup } from 'react-dom/server';
import { expect, test } from 'vitest';
import { PageHeader } from '@/app/_components/page-header';

test('the page header is the back link in a paragraph followed by the one h1, as the pages wrote it', () => {
  const html = renderToStaticMarkup(
    PageHeader({ back: { href: '/ufficio/amministrazione', label: 'Amministrazione' }, children: 'Utenti' }),
  );
  expect(html).toBe(
    '<p><a class="link" href="/ufficio/amministrazione">← Amministrazione</a></p><h1 class="text-3xl font-bold">Utenti</h1>',
  );
});
