import assert from 'node:assert/strict';
import { defaultUploadOptions, UploadSession } from '../../src/bot/upload-session';
import { UploadFailure } from '../../src/exports/export-offers';
import { csvFile } from '../../src/exports/file-export';
import { LoopbackUploadServer } from '../support/loopback-upload';

const file = csvFile('check-in-team-2026-03-09', 'date,question,answer\r\n2026-03-09,Hur gick det?,Bra', 'Answers');
const local = { ...defaultUploadOptions, allowPlainHttp: true };

describe('the OneDrive upload session behind Teams\' file consent, against a loopback stand-in', () => {
  let uploads: LoopbackUploadServer;
  beforeEach(async () => {
    uploads = await LoopbackUploadServer.start();
  });
  afterEach(async () => {
    await uploads.stop();
  });

  const why = (failure: UploadFailure): { reason: string; status: number | undefined } => ({ reason: failure.reason, status: failure.status });
  const failureOf = async (session: UploadSession): Promise<UploadFailure> => {
    try {
      await session.put(file);
    } catch (error) {
      assert.ok(error instanceof UploadFailure, String(error));
      return error;
    }
    assert.fail('the upload did not fail');
  };

  it('when the file fits one fragment, then it is one PUT with the whole Content-Range and no Authorization header, and the file is what Teams named', async () => {
    const info = uploads.open(file.name);
    const delivered = await new UploadSession(info, local).put(file);
    assert.deepEqual(uploads.calls.map((call) => [call.contentRange, call.status]), [[`bytes 0-${file.bytes.length - 1}/${file.bytes.length}`, 201]]);
    assert.ok(uploads.fileAt(info.uploadUrl)?.equals(Buffer.from(file.bytes)));
    assert.deepEqual(delivered, { name: info.name, contentUrl: info.contentUrl, uniqueId: info.uniqueId, fileType: 'csv' });
  });

  it('when the upload URL is plain HTTP outside local mode, then nothing is sent and the upload is refused', async () => {
    const failure = await failureOf(new UploadSession(uploads.open(file.name), defaultUploadOptions));
    assert.equal(failure.reason, 'refused');
    assert.equal(uploads.calls.length, 0);
  });

  it('when Teams sent no upload info, then the upload is refused without a request', async () => {
    assert.equal((await failureOf(new UploadSession(undefined, local))).reason, 'refused');
    assert.equal(uploads.calls.length, 0);
  });

  it('when the session answers 4xx, 5xx or not at all, then the failure says which, with the status', async () => {
    assert.deepEqual(why(await failureOf(new UploadSession(uploads.open(file.name, { kind: 'status', status: 410 }), local))), { reason: 'refused', status: 410 });
    assert.deepEqual(why(await failureOf(new UploadSession(uploads.open(file.name, { kind: 'status', status: 503 }), local))), { reason: 'unavailable', status: 503 });
    assert.equal((await failureOf(new UploadSession(uploads.open(file.name, { kind: 'hang' }), { ...local, timeoutMs: 100 }))).reason, 'timeout');
  });

  it('when the first of several fragments is not accepted, then no further fragment is sent', async () => {
    const info = uploads.open(file.name);
    const session = new UploadSession({ ...info, uploadUrl: `${info.uploadUrl}-wrong` }, { ...local, fragmentBytes: 16 });
    assert.deepEqual(why(await failureOf(session)), { reason: 'refused', status: 404 });
    assert.equal(uploads.calls.length, 1);
  });
});
