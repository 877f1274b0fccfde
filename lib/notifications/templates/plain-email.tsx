import {
  Body,
  Button,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Link,
  Preview,
  Section,
  Text,
} from '@react-email/components';

export type PlainEmailProps = {
  subject: string;
  paragraphs: readonly string[];
  link?: { href: string; label: string };
  attachmentNames?: readonly string[];
  footer: string;
};

const font = "'Titillium Web', Arial, sans-serif";
/** react-email's Preview keeps 150 characters. */
const PREVIEW_MAX = 150;

/**
 * Cut at a space, never inside a word: a protocol number rendered as a placeholder and substituted after
 * (record-submission.ts) is never split, and the inbox line does not end mid-word.
 */
export function previewText(s: string): string {
  if (s.length <= PREVIEW_MAX) return s;
  const cut = s.lastIndexOf(' ', PREVIEW_MAX - 1);
  return `${s.slice(0, cut > 0 ? cut : PREVIEW_MAX - 1)}…`;
}

/**
 * The one layout every e-mail uses: heading, paragraphs, an optional button whose address is also
 * spelled out for clients that strip buttons, and the footer. Values are React children and
 * attributes, so React escapes every one of them.
 */
export function PlainEmail({ subject, paragraphs, link, attachmentNames = [], footer }: PlainEmailProps) {
  return (
    <Html lang="it">
      <Head>
        <title>{subject}</title>
      </Head>
      <Preview>{previewText(paragraphs[1] ?? paragraphs[0] ?? subject)}</Preview>
      <Body style={{ backgroundColor: '#ffffff', color: '#1a1a1a', fontFamily: font }}>
        <Container style={{ maxWidth: '600px', margin: '0 auto', padding: '24px' }}>
          <Text style={{ fontWeight: 'bold', color: '#004d99', margin: '0 0 8px' }}>
            Provincia autonoma di Trento — Buoni di servizio
          </Text>
          <Heading as="h1" style={{ fontSize: '20px', margin: '0 0 16px' }}>
            {subject}
          </Heading>
          {paragraphs.map((p, i) => (
            <Text key={i} style={{ fontSize: '16px', lineHeight: '24px', margin: '0 0 16px' }}>
              {p}
            </Text>
          ))}
          {link ? (
            <Section style={{ margin: '24px 0' }}>
              <Button
                href={link.href}
                style={{
                  backgroundColor: '#0066cc',
                  color: '#ffffff',
                  padding: '12px 20px',
                  borderRadius: '4px',
                  fontWeight: 'bold',
                }}
              >
                {link.label}
              </Button>
              <Text style={{ fontSize: '14px' }}>
                Se il pulsante non funziona, copia questo indirizzo nel browser:{' '}
                <Link href={link.href}>{link.href}</Link>
              </Text>
            </Section>
          ) : null}
          {attachmentNames.length ? (
            <Text style={{ fontSize: '14px' }}>Allegati: {attachmentNames.join(', ')}</Text>
          ) : null}
          <Hr />
          <Text style={{ fontSize: '13px', color: '#555555' }}>{footer}</Text>
        </Container>
      </Body>
    </Html>
  );
}
