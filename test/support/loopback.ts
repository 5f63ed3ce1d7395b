/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code runs under jest on a developer machine, not inside n8n */
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Small pieces every loopback server in the tests needs: the harnesses' and the fake providers'. */
export function readBody(request: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => resolve(Buffer.concat(chunks)));
		request.on('error', reject);
	});
}

/** Listens on a free port on 127.0.0.1; resolves to the origin, e.g. `http://127.0.0.1:41234`. */
export async function listen(server: Server): Promise<string> {
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Drops every connection (keep-alive ones too) and stops listening. */
export function closeServer(server: Server): Promise<void> {
	return new Promise<void>((resolve) => {
		server.closeAllConnections();
		server.close(() => resolve());
	});
}
