import { crc32, inflateRawSync } from 'node:zlib';

/** Reads every entry of a zip archive via its central directory, inflating and CRC-checking each one. */
export function readZip(archive: Buffer): Map<string, Buffer> {
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('no end of central directory record');
  const count = archive.readUInt16LE(end + 10);
  let offset = archive.readUInt32LE(end + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (archive.readUInt32LE(offset) !== 0x02014b50) throw new Error(`no central header at ${offset}`);
    const method = archive.readUInt16LE(offset + 10);
    const crc = archive.readUInt32LE(offset + 16);
    const compressedSize = archive.readUInt32LE(offset + 20);
    const nameLength = archive.readUInt16LE(offset + 28);
    const extraLength = archive.readUInt16LE(offset + 30);
    const commentLength = archive.readUInt16LE(offset + 32);
    const localOffset = archive.readUInt32LE(offset + 42);
    const name = archive.toString('utf8', offset + 46, offset + 46 + nameLength);
    entries.set(name, entryData(archive, localOffset, compressedSize, method, crc));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function entryData(archive: Buffer, localOffset: number, compressedSize: number, method: number, crc: number): Buffer {
  if (archive.readUInt32LE(localOffset) !== 0x04034b50) throw new Error(`no local header at ${localOffset}`);
  const start = localOffset + 30 + archive.readUInt16LE(localOffset + 26) + archive.readUInt16LE(localOffset + 28);
  const body = archive.subarray(start, start + compressedSize);
  const data = method === 8 ? inflateRawSync(body) : method === 0 ? body : undefined;
  if (data === undefined) throw new Error(`unsupported compression method ${method}`);
  if (crc32(data) !== crc) throw new Error('CRC mismatch');
  return data;
}
