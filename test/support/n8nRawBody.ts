/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code runs under jest on a developer machine, not inside n8n */
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { createGunzip, createInflate } from 'node:zlib';

/** n8n's default N8N_PAYLOAD_SIZE_MAX: 16 MiB. */
export const N8N_PAYLOAD_SIZE_MAX_BYTES = 16 * 1024 * 1024;

/** The error n8n's reader (the raw-body package) raises for a body over the limit. */
function tooLarge(): Error {
	return Object.assign(new Error('request entity too large'), { status: 413, statusCode: 413, type: 'entity.too.large' });
}

/**
 * What n8n 2.40.7's `req.readRawBody()` (dist/middlewares/body-parser.js)
 * does: gzip and deflate are decompressed, the limit applies to the bytes
 * read, and a declared Content-Length over the limit fails before reading.
 */
export function readN8nRawBody(request: IncomingMessage, limit: number): Promise<Buffer> {
	let stream: Readable = request;
	let declared: number | undefined;
	const encoding = request.headers['content-encoding'];
	if (encoding === 'gzip') stream = request.pipe(createGunzip());
	else if (encoding === 'deflate') stream = request.pipe(createInflate());
	else if (request.headers['content-length'] !== undefined) declared = Number(request.headers['content-length']);
	if (declared !== undefined && declared > limit) {
		request.unpipe();
		request.resume();
		return Promise.reject(tooLarge());
	}
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let length = 0;
		stream.on('data', (chunk: Buffer) => {
			length += chunk.length;
			if (length > limit) {
				stream.destroy();
				reject(tooLarge());
				return;
			}
			chunks.push(chunk);
		});
		stream.on('end', () => resolve(Buffer.concat(chunks)));
		stream.on('error', reject);
	});
}
