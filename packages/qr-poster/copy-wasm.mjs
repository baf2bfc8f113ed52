// Build step: copies zxing-wasm's reader binary into this package (wasm/zxing_reader.wasm), where the main
// entry finds it by default (`new URL('../../../wasm/zxing_reader.wasm', import.meta.url)`).
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
mkdirSync(new URL('./wasm/', import.meta.url), { recursive: true });
copyFileSync(
  require.resolve('zxing-wasm/reader/zxing_reader.wasm'),
  new URL('./wasm/zxing_reader.wasm', import.meta.url),
);
