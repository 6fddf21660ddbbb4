import { deflateRawSync } from 'node:zlib';
import { crc32 } from './crc32';

/** A file to put in a zip archive; names use forward slashes. */
export type ZipEntry = { readonly name: string; readonly data: Uint8Array };

const methodStored = 0;
const methodDeflate = 8;
const versionNeeded = 20;
const utf8NameFlag = 0x0800;
// A fixed time stamp (1980-01-01 00:00, the DOS epoch) keeps the archive byte-for-byte reproducible.
const dosTime = 0;
const dosDate = (1 << 5) | 1;

type Written = { readonly entry: ZipEntry; readonly name: Buffer; readonly method: number; readonly crc: number; readonly body: Uint8Array; readonly offset: number };

/** Builds a zip archive in memory, deflating each entry unless storing it is smaller. */
export function createZip(entries: readonly ZipEntry[]): Buffer {
  const parts: Buffer[] = [];
  const written: Written[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const deflated = deflateRawSync(entry.data, { level: 9 });
    const method = deflated.length < entry.data.length ? methodDeflate : methodStored;
    const record: Written = { entry, name, method, crc: crc32(entry.data), body: method === methodDeflate ? deflated : entry.data, offset };
    const header = localHeader(record);
    parts.push(header, name, Buffer.from(record.body));
    written.push(record);
    offset += header.length + name.length + record.body.length;
  }
  const central = Buffer.concat(written.flatMap((record) => [centralHeader(record), record.name]));
  return Buffer.concat([...parts, central, endOfCentralDirectory(written.length, central.length, offset)]);
}

function localHeader({ name, method, crc, body, entry }: Written): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(versionNeeded, 4);
  header.writeUInt16LE(utf8NameFlag, 6);
  header.writeUInt16LE(method, 8);
  header.writeUInt16LE(dosTime, 10);
  header.writeUInt16LE(dosDate, 12);
  header.writeUInt32LE(crc, 14);
  header.writeUInt32LE(body.length, 18);
  header.writeUInt32LE(entry.data.length, 22);
  header.writeUInt16LE(name.length, 26);
  header.writeUInt16LE(0, 28);
  return header;
}

function centralHeader({ name, method, crc, body, entry, offset }: Written): Buffer {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(versionNeeded, 4);
  header.writeUInt16LE(versionNeeded, 6);
  header.writeUInt16LE(utf8NameFlag, 8);
  header.writeUInt16LE(method, 10);
  header.writeUInt16LE(dosTime, 12);
  header.writeUInt16LE(dosDate, 14);
  header.writeUInt32LE(crc, 16);
  header.writeUInt32LE(body.length, 20);
  header.writeUInt32LE(entry.data.length, 24);
  header.writeUInt16LE(name.length, 28);
  header.writeUInt32LE(offset, 42);
  return header;
}

function endOfCentralDirectory(count: number, size: number, offset: number): Buffer {
  const record = Buffer.alloc(22);
  record.writeUInt32LE(0x06054b50, 0);
  record.writeUInt16LE(count, 8);
  record.writeUInt16LE(count, 10);
  record.writeUInt32LE(size, 12);
  record.writeUInt32LE(offset, 16);
  return record;
}
