import { crc32, inflateSync } from 'node:zlib';

/** A decoded 8-bit PNG as RGBA, with the colour type it was stored in. */
export type DecodedPng = { readonly width: number; readonly height: number; readonly colourType: number; readonly rgba: Uint8Array };

const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const channelsByColourType: Readonly<Record<number, number>> = { 0: 1, 2: 3, 4: 2, 6: 4 };

/** Reads width and height from the IHDR chunk without decoding the pixels. */
export function pngSize(file: Buffer): { width: number; height: number } {
  if (!file.subarray(0, 8).equals(signature) || file.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG');
  return { width: file.readUInt32BE(16), height: file.readUInt32BE(20) };
}

/** Decodes a non-interlaced 8-bit greyscale or truecolour PNG (with or without alpha), checking every chunk CRC. */
export function decodePng(file: Buffer): DecodedPng {
  const { width, height } = pngSize(file);
  const bitDepth = file.readUInt8(24);
  const colourType = file.readUInt8(25);
  const channels = channelsByColourType[colourType];
  if (bitDepth !== 8 || channels === undefined || file.readUInt8(28) !== 0) throw new Error(`unsupported PNG: depth ${bitDepth}, colour type ${colourType}`);
  const raw = unfilter(inflateSync(idatData(file)), width, height, channels);
  return { width, height, colourType, rgba: toRgba(raw, channels) };
}

function idatData(file: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let offset = 8; offset < file.length; ) {
    const length = file.readUInt32BE(offset);
    const typeAndData = file.subarray(offset + 4, offset + 8 + length);
    if (crc32(typeAndData) !== file.readUInt32BE(offset + 8 + length)) throw new Error(`bad CRC at offset ${offset}`);
    if (typeAndData.toString('latin1', 0, 4) === 'IDAT') parts.push(typeAndData.subarray(4));
    offset += 12 + length;
  }
  return Buffer.concat(parts);
}

function unfilter(data: Buffer, width: number, height: number, bpp: number): Uint8Array {
  const stride = width * bpp;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = data[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = data[y * (stride + 1) + 1 + x] ?? 0;
      const left = x >= bpp ? (out[y * stride + x - bpp] ?? 0) : 0;
      const up = y > 0 ? (out[(y - 1) * stride + x] ?? 0) : 0;
      const upLeft = x >= bpp && y > 0 ? (out[(y - 1) * stride + x - bpp] ?? 0) : 0;
      out[y * stride + x] = (value + predictor(filter, left, up, upLeft)) & 0xff;
    }
  }
  return out;
}

function predictor(filter: number | undefined, left: number, up: number, upLeft: number): number {
  switch (filter) {
    case 0: return 0;
    case 1: return left;
    case 2: return up;
    case 3: return Math.floor((left + up) / 2);
    case 4: return paeth(left, up, upLeft);
    default: throw new Error(`unknown PNG filter ${String(filter)}`);
  }
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

function toRgba(raw: Uint8Array, channels: number): Uint8Array {
  const pixels = raw.length / channels;
  const rgba = new Uint8Array(pixels * 4);
  for (let i = 0; i < pixels; i++) {
    const px = raw.subarray(i * channels, (i + 1) * channels);
    const [r, g, b] = channels >= 3 ? [px[0], px[1], px[2]] : [px[0], px[0], px[0]];
    const alpha = channels === 4 ? px[3] : channels === 2 ? px[1] : 255;
    rgba.set([r ?? 0, g ?? 0, b ?? 0, alpha ?? 255], i * 4);
  }
  return rgba;
}
