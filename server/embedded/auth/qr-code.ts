/** The enrolment QR code, as an SVG document like GoTrue's (supabase-js makes it a data URI). */
import QRCode from "qrcode";

/**
 * Colours are written as names: supabase-js puts the SVG unencoded after
 * `data:image/svg+xml;utf-8,`, and a `#` there would end the URI at a fragment in a browser.
 */
export async function qrCodeSvg(text: string): Promise<string> {
  const svg = await QRCode.toString(text, {
    type: "svg",
    errorCorrectionLevel: "M",
    margin: 2,
    color: { dark: "#000000", light: "#ffffff" },
  });
  return svg.trim().replaceAll('"#000000"', '"black"').replaceAll('"#ffffff"', '"white"');
}
