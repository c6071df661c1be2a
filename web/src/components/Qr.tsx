import { renderSVG } from "uqr";

/** The QR code of `text` as inline SVG (uqr), for phones that scan the link off the screen. */
export function Qr(props: { text: string; label: string }) {
  return <div class="qr" role="img" aria-label={props.label} innerHTML={renderSVG(props.text, { border: 1 })} />;
}
