import 'server-only';
import QRCode from 'qrcode';

/** The otpauth:// URI as an SVG data URL, drawn on the server: no client library, no external service sees the secret. */
export async function qrDataUrl(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}
