// pnpm bench:bombs — peak memory (max RSS) and time of decodeQr on hostile and worst-case image files, each
// in a fresh Node process so one case's garbage cannot hide another's peak. The files are crafted here, in
// memory (issue 15 finding 5: a 1×40,000,000 PNG, a second IHDR, an interlaced 1×1 PNG whose data inflates to
// 1 GiB), plus the largest legitimate inputs under the default budget (40 MP PNG and JPEG with a code in them).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync, deflateSync, constants as zlibConstants } from 'node:zlib';
import QRCode from 'qrcode';
import sharp from 'sharp';

const be32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
};
const chunk = (type: string, data: Uint8Array): Buffer => {
  const head = Buffer.concat([be32(data.length), Buffer.from(type, 'latin1'), data]);
  return Buffer.concat([head, be32(crc32(head.subarray(4)))]);
};
const ihdr = (w: number, h: number, interlace = 0): Buffer =>
  chunk('IHDR', Buffer.concat([be32(w), be32(h), Buffer.from([8, 0, 0, 0, interlace])]));
const png = (...chunks: Buffer[]): Buffer =>
  Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    ...chunks,
    chunk('IEND', Buffer.alloc(0)),
  ]);
/** zlib stream of `mib` MiB of zeros without allocating them (sync-flushed blocks repeated). */
const zeros = (mib: number): Buffer => {
  const block = deflateRawSync(Buffer.alloc(1 << 20), { finishFlush: zlibConstants.Z_SYNC_FLUSH });
  const adler = be32((((mib * 2 ** 20) % 65521) << 16) | 1);
  return Buffer.concat([Buffer.from([0x78, 0x9c]), ...Array(mib).fill(block), Buffer.from([3, 0]), adler]);
};

/** A gray `side`×`side` photo-sized image with one code (8 px modules) in its middle. */
function withCode(side: number): Buffer {
  const gray = Buffer.alloc(side * side, 235);
  const qr = QRCode.create('https://m.tb.cn/h.bench-bomb', { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const m = 8;
  const x0 = Math.floor((side - n * m) / 2);
  for (let y = 0; y < n; y++)
    for (let x = 0; x < n; x++)
      if (qr.modules.get(y, x))
        for (let dy = 0; dy < m; dy++)
          gray.fill(20, (x0 + (y * m + dy)) * side + x0 + x * m, (x0 + (y * m + dy)) * side + x0 + x * m + m);
  return gray;
}

async function cases(dir: string): Promise<Array<[string, string]>> {
  const out: Array<[string, string]> = [];
  const put = (name: string, bytes: Uint8Array): void => {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    out.push([name, file]);
  };
  put('1x40000000.png', png(ihdr(1, 40_000_000), chunk('IDAT', deflateSync(Buffer.alloc(80_000_000)))));
  put('second-ihdr.png', png(ihdr(1, 1), ihdr(20000, 20000), chunk('IDAT', deflateSync(Buffer.alloc(2)))));
  put('interlaced-1gib.png', png(ihdr(1, 1, 1), chunk('IDAT', zeros(1024))));
  const side = 6324; // 39.99 MP, just under the default budget
  const gray = withCode(side);
  const rows = Buffer.alloc(side * (side + 1));
  for (let y = 0; y < side; y++) gray.copy(rows, y * (side + 1) + 1, y * side, (y + 1) * side);
  put(
    '40mp-gray.png',
    png(
      chunk('IHDR', Buffer.concat([be32(side), be32(side), Buffer.from([8, 0, 0, 0, 0])])),
      chunk('IDAT', deflateSync(rows, { level: 1 })),
    ),
  );
  put(
    '40mp.jpg',
    await sharp(gray, { raw: { width: side, height: side, channels: 1 } })
      .jpeg({ quality: 85 })
      .toBuffer(),
  );
  // No code anywhere and texture everywhere: the whole escalation runs, to the end of its budget.
  let seed = 1;
  for (let i = 0; i < gray.length; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    const x = i % side;
    const y = (i - x) / side;
    gray[i] = ((x >> 4) + (y >> 4)) % 2 === 0 ? seed >>> 24 : 128;
  }
  put(
    '40mp-no-code.jpg',
    await sharp(gray, { raw: { width: side, height: side, channels: 1 } })
      .jpeg({ quality: 85 })
      .toBuffer(),
  );
  return out;
}

const child = process.argv[2];
if (child !== undefined) {
  const { decodeQr } = await import('../src/decode/node.js');
  const t0 = performance.now();
  let outcome: string;
  try {
    const codes = await decodeQr(readFileSync(child));
    outcome = `${codes.length} code(s)`;
  } catch (e) {
    outcome = `refused: ${(e as { code?: string }).code ?? String(e)}`;
  }
  const ms = performance.now() - t0;
  console.log(JSON.stringify({ outcome, ms, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
} else {
  const dir = mkdtempSync(join(tmpdir(), 'qr-bombs-'));
  try {
    console.log('decodeQr (/node) on hostile and worst-case files, default budget (40 MP), one process each');
    console.log('file                     outcome                       ms  peak RSS');
    let worst = 0;
    for (const [name, file] of await cases(dir)) {
      const line = execFileSync(
        process.execPath,
        [...process.execArgv, new URL(import.meta.url).pathname, file],
        {
          encoding: 'utf8',
          maxBuffer: 1 << 20,
        },
      );
      const r = JSON.parse(line.trim().split('\n').pop() as string) as {
        outcome: string;
        ms: number;
        maxRssMb: number;
      };
      worst = Math.max(worst, r.maxRssMb);
      console.log(
        `${name.padEnd(24)} ${r.outcome.padEnd(26)} ${r.ms.toFixed(0).padStart(6)}  ${r.maxRssMb.toFixed(0).padStart(6)} MB`,
      );
    }
    console.log(`worst peak RSS ${worst.toFixed(0)} MB (target ≤ 1024 MB)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
