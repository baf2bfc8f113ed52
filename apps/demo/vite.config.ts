import { defaultClientConditions, defineConfig, type Plugin } from 'vite';

/**
 * The production page may load nothing from outside its own origin. The policy also lets the QR reader
 * compile its wasm (`wasm-unsafe-eval`) and shows images and the camera from blob:/data:/mediastream: URLs.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "media-src 'self' blob: mediastream:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'sharekit-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  // Relative asset paths: the built page works from any directory or path it is served from.
  base: './',
  resolve: { conditions: ['@sharekit/source', ...defaultClientConditions] },
  plugins: [contentSecurityPolicy()],
  build: { outDir: 'dist', target: 'es2022', assetsInlineLimit: 0, reportCompressedSize: false },
});
