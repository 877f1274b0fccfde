import localFont from 'next/font/local';

// Titillium Web, the Italian public administration's typeface, self-hosted: next/font/google fails offline.
export const titillium = localFont({
  src: [
    {
      path: '../node_modules/@fontsource/titillium-web/files/titillium-web-latin-400-normal.woff2',
      weight: '400',
      style: 'normal',
    },
    {
      path: '../node_modules/@fontsource/titillium-web/files/titillium-web-latin-600-normal.woff2',
      weight: '600',
      style: 'normal',
    },
    {
      path: '../node_modules/@fontsource/titillium-web/files/titillium-web-latin-700-normal.woff2',
      weight: '700',
      style: 'normal',
    },
  ],
  variable: '--font-titillium',
  display: 'swap',
});
