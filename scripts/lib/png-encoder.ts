import { deflateSync } from 'node:zlib';
import { crc32 } from './crc32';

const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const colourTypeRgba = 6;

/** An 8-bit RGBA image, rows top to bottom, four bytes per pixel. */
export type RgbaImage = { readonly width: number; readonly height: number; readonly pixels: Uint8Array };

/** Encodes an RGBA image as a PNG: IHDR, one IDAT, IEND. */
export function encodePng(image: RgbaImage): Buffer {
  const { width, height, pixels } = image;
  if (pixels.length !== width * height * 4) throw new Error(`expected ${width * height * 4} bytes of RGBA, got ${pixels.length}`);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, colourTypeRgba, 0, 0, 0], 8);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(filterNone(image), { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

// Filter type 0 on every row: icons are tiny, so simplicity beats the last few bytes.
function filterNone({ width, height, pixels }: RgbaImage): Buffer {
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) raw.set(pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  return raw;
}

function chunk(type: string, data: Buffer): Buffer {
  const typeBytes = Buffer.from(type, 'latin1');
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.set(typeBytes, 4);
  out.set(data, 8);
  out.writeUInt32BE(crc32(typeBytes, data), 8 + data.length);
  return out;
}
