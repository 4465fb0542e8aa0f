/**
 * The QR code of an authenticator key, drawn on the server as SVG (`qrcode`),
 * so the set-up page works without JavaScript. The key is also shown as text.
 */
import QRCode from "qrcode";

export async function qrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2, color: { dark: "#0f172a", light: "#ffffff" } });
}
