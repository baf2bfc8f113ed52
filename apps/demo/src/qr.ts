// QR codes for the app links: module matrix from `qrcode`, drawn as an SVG path.
import QRCode from 'qrcode';
import { svg } from './dom.js';

/**
 * The dark modules of a QR code for `text`, as an SVG path in module units, with its side (quiet zone
 * of 4 modules included).
 *
 * @example
 * qrPath('https://item.jd.com/100012043978.html').size // 33
 */
export function qrPath(text: string): { d: string; size: number } {
  const code = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = code.modules.size;
  const data = code.modules.data;
  const quiet = 4;
  let d = '';
  for (let y = 0; y < n; y++) {
    let x = 0;
    while (x < n) {
      if (!data[y * n + x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < n && data[y * n + x]) x++;
      d += `M${start + quiet} ${y + quiet}h${x - start}v1h${start - x}z`;
    }
  }
  return { d, size: n + 2 * quiet };
}

/**
 * An SVG QR code for `text`, labelled for assistive technology.
 *
 * @example
 * container.append(qrSvg('taobao://item.taobao.com/item.htm?id=1', 'QR code for App scheme'))
 */
export function qrSvg(text: string, label: string): SVGElement {
  const { d, size } = qrPath(text);
  return svg(
    'svg',
    {
      class: 'qr',
      viewBox: `0 0 ${size} ${size}`,
      role: 'img',
      'aria-label': label,
      'shape-rendering': 'crispEdges',
    },
    svg('title', {}, label),
    svg('rect', { width: size, height: size, fill: '#ffffff' }),
    svg('path', { d, fill: '#000000' }),
  );
}
