/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- test code runs under jest on a developer machine, not inside n8n */
/**
 * `npm start`: a real n8n with this package loaded, to try the nodes by hand.
 *
 * Installs n8n on first use, packs the built package (npm start builds it
 * first) and stages it outside the repo, starts n8n on port 5678 (N8N_PORT)
 * with a persistent user folder (N8N_DEV_USER_FOLDER, default
 * ~/.cache/n8n-nodes-webhook-connectors/dev-user-folder), sets up an owner
 * account and an API key on first start, prints them, and runs until Ctrl-C,
 * then stops n8n by PID.
 *
 * `node .build/test/e2e/harness/start.js --install-only` (npm run n8n:install)
 * only installs n8n.
 */
import * as net from 'node:net';

import { DEFAULT_OWNER, type OwnerCredentials } from './client';
import { bootN8n, type N8nInstance } from './instance';
import { installN8n } from './install';
import { devUserFolder } from './paths';
import { isAlive, sleep, tail } from './proc';

const log = (line: string) => console.log(`[n8n-dev] ${line}`);

function portIsFree(port: number, host: string): Promise<boolean> {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, host, () => server.close(() => resolve(true)));
	});
}

async function main(): Promise<number> {
	if (process.argv.includes('--install-only')) {
		const install = await installN8n({ log });
		log(
			`n8n ${install.n8nVersion} on Node ${install.nodeVersion} ${install.installed ? 'installed' : 'already installed'} in ${install.installDir} ` +
				`(${(install.durationMs / 1000).toFixed(1)} s)`,
		);
		return 0;
	}

	const port = Number(process.env.N8N_PORT || 5678);
	const listenAddress = process.env.N8N_LISTEN_ADDRESS || '127.0.0.1';
	if (!Number.isInteger(port) || port <= 0) throw new Error(`N8N_PORT must be a port number, not ${process.env.N8N_PORT}`);
	if (!(await portIsFree(port, listenAddress))) {
		log(`port ${port} is in use: stop what runs there or pick another one, e.g. N8N_PORT=5680 npm start`);
		return 1;
	}
	const owner: OwnerCredentials = {
		...DEFAULT_OWNER,
		email: process.env.N8N_DEV_OWNER_EMAIL || 'dev@example.com',
		password: process.env.N8N_DEV_OWNER_PASSWORD || 'Dev-Password-1',
		firstName: 'Dev',
	};

	const userFolder = devUserFolder();
	log(`starting n8n on port ${port} with user folder ${userFolder}`);
	const started = Date.now();
	const running: { n8n?: N8nInstance } = {};
	let stopping = false;
	const stop = async (signal: string) => {
		if (stopping) return;
		stopping = true;
		log(`${signal}: stopping n8n (pid ${running.n8n?.pid})...`);
		await running.n8n?.stop();
		log('n8n stopped');
		process.exit(0);
	};
	process.on('SIGINT', () => void stop('SIGINT'));
	process.on('SIGTERM', () => void stop('SIGTERM'));

	const n8n = await bootN8n({ label: 'dev', userFolder, port, listenAddress, owner, echo: process.env.N8N_DEV_QUIET !== '1', log });
	running.n8n = n8n;
	const custom = (await n8n.customNodeTypes()).map((type) => type.name);
	const { state } = n8n;
	console.log(
		[
			'',
			'================================================================',
			` n8n ${state.install.n8nVersion} (Node ${state.install.nodeVersion}) is running: http://localhost:${port}`,
			` log in as ${state.owner.email} / ${state.owner.password}`,
			` public API: http://localhost:${port}/api/v1  X-N8N-API-KEY: ${n8n.apiKey}`,
			` ${state.staged.name}@${state.staged.version} loaded from ${state.packageDir}`,
			` nodes: ${custom.join(', ') || '(none: is dist built and are nodes listed in package.json?)'}`,
			` user folder: ${userFolder}`,
			` n8n log: ${n8n.logFile}`,
			` ready in ${((Date.now() - started) / 1000).toFixed(1)} s (n8n start ${(state.timings.startMs / 1000).toFixed(1)} s). Ctrl-C stops n8n.`,
			'================================================================',
			'',
		].join('\n'),
	);

	for (;;) {
		await sleep(1000);
		if (stopping) continue;
		if (!isAlive(n8n.pid)) {
			log(`n8n (pid ${n8n.pid}) exited on its own; the end of its log:\n${tail(n8n.logFile, 40)}`);
			await n8n.stop();
			return 1;
		}
	}
}

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		console.error(`[n8n-dev] ${(error as Error).stack ?? String(error)}`);
		process.exit(1);
	},
);
