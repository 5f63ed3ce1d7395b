/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error, no-console -- test code runs under jest on a developer machine, not inside n8n */
/**
 * startN8n(): runs `n8n start` from a host install on that install's Node, SQLite, its own
 * user folder and free ports, with every call-home feature turned off; waits
 * until it serves; stop() ends its whole process group by PID.
 *
 * Every started n8n is recorded in <tmp>/n8n-nodes-webhook-connectors-e2e/pids/
 * with the PID of the process that started it. A later start ends the ones
 * whose starter died without stopping them (a killed jest run, say).
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

import { request } from 'undici';

import { LOG_DIR, SCRATCH_ROOT, hostInstallDir, hostNodeBin, n8nEntry } from './paths';
import { cleanEnv, groupAlive, isAlive, signalGroup, sleep, stopGroup, tail } from './proc';

export interface StartN8nOptions {
	/** Main port (N8N_PORT); a free one when omitted. */
	port?: number;
	/** Task broker port (N8N_RUNNERS_BROKER_PORT); a free one when omitted. */
	brokerPort?: number;
	/** N8N_USER_FOLDER: n8n keeps its SQLite database and encryption key in <userFolder>/.n8n. */
	userFolder: string;
	/** N8N_CUSTOM_EXTENSIONS: folder(s) to load community nodes from (the staged package). */
	extensionsDir?: string;
	/** Extra environment for n8n (wins over the defaults below; undefined removes a variable). */
	env?: Record<string, string | undefined>;
	/** Address to listen on; 127.0.0.1 unless given. */
	listenAddress?: string;
	/** n8n's output goes here; a new file in <cache>/logs when omitted. */
	logFile?: string;
	/** Also copy n8n's output to this process's stdout (the `npm start` command). */
	echo?: boolean;
	readyTimeoutMs?: number;
	installDir?: string;
	/**
	 * The process that answers for this n8n (default: this one). When another
	 * live process is named (jest's main process, restarting the shared n8n from
	 * a test worker), this one does not kill it when it exits.
	 */
	ownerPid?: number;
	/** Temporary folders (staged package, throw-away user folder) to delete if this n8n is ever reaped as an orphan. */
	cleanupPaths?: string[];
	/** The n8n command: `start` (default; the main process), or in queue mode `webhook` (a webhook processor) or `worker`. */
	command?: 'start' | 'webhook' | 'worker';
	/**
	 * URLs that must answer 200 before the process counts as ready; default: the main
	 * process's `/healthz/readiness` and `/rest/settings` (a webhook processor serves
	 * only the first, a worker serves it on QUEUE_HEALTH_CHECK_PORT).
	 */
	readyUrls?: string[];
}

export interface RunningN8n {
	baseUrl: string;
	pid: number;
	port: number;
	brokerPort: number;
	userFolder: string;
	logFile: string;
	/** What it was started with, for restart(). */
	options: StartN8nOptions & { port: number; brokerPort: number; logFile: string };
	startMs: number;
	stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1 (bind port 0, read it, close). */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address() as net.AddressInfo;
			server.close(() => resolve(address.port));
		});
	});
}

/** The environment n8n runs with here: no cloud services, no telemetry, plain http on localhost. */
export function n8nEnv(options: {
	port: number;
	brokerPort: number;
	userFolder: string;
	extensionsDir?: string;
	listenAddress: string;
	installDir: string;
	env?: Record<string, string | undefined>;
}): NodeJS.ProcessEnv {
	const nodeBinDir = path.dirname(hostNodeBin(options.installDir));
	return cleanEnv({
		// n8n spawns its task runner as plain `node`: the install's Node must come first on PATH.
		PATH: `${nodeBinDir}${path.delimiter}${process.env.PATH ?? ''}`,
		// jest sets NODE_ENV=test, with which n8n refuses to load nodes ("Not available in tests").
		NODE_ENV: undefined,
		E2E_TESTS: undefined,
		DB_TYPE: 'sqlite',
		N8N_USER_FOLDER: options.userFolder,
		N8N_PORT: String(options.port),
		N8N_LISTEN_ADDRESS: options.listenAddress,
		N8N_HOST: 'localhost',
		N8N_PROTOCOL: 'http',
		N8N_WEBHOOK_URL: `http://localhost:${options.port}/`,
		N8N_RUNNERS_BROKER_PORT: String(options.brokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_SECURE_COOKIE: 'false',
		N8N_CUSTOM_EXTENSIONS: options.extensionsDir,
		GENERIC_TIMEZONE: 'UTC',
		// Nothing may depend on n8n's cloud services (this machine has no internet).
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		// mcp-registry refreshes a server list from api.n8n.io at every start.
		N8N_DISABLED_MODULES: 'mcp-registry',
		N8N_PUBLIC_API_SWAGGERUI_DISABLED: 'true',
		// Quieter start: these only silence deprecation notices by stating today's defaults.
		N8N_RUNNERS_MODE: 'internal',
		N8N_RUNNERS_TASK_TIMEOUT: '300',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		...options.env,
	});
}

// --- the registry of started processes -------------------------------------------------------

const PID_DIR = path.join(SCRATCH_ROOT, 'pids');
const owned = new Set<number>();
let exitHookInstalled = false;

/**
 * Records a started process (a process-group leader) in the registry so that a
 * later run reaps it if its owner dies first. `info.entry` must appear in the
 * process's command line (checked before reaping, against PID reuse);
 * `info.stopSignal` is the polite signal (default SIGTERM; PostgreSQL wants SIGINT,
 * its fast shutdown).
 */
export function recordProcess(pid: number, info: Record<string, unknown>, ownerPid = process.pid): void {
	record(pid, info, ownerPid);
}

/** Removes a stopped process from the registry. */
export function forgetProcess(pid: number): void {
	forget(pid);
}

function record(pid: number, info: Record<string, unknown>, ownerPid = process.pid): void {
	fs.mkdirSync(PID_DIR, { recursive: true });
	fs.writeFileSync(path.join(PID_DIR, `${pid}.json`), JSON.stringify({ ...info, pid, ownerPid }));
	if (ownerPid !== process.pid) return;
	owned.add(pid);
	if (!exitHookInstalled) {
		exitHookInstalled = true;
		// Last resort when the starter exits without stop(): kill synchronously.
		process.on('exit', () => {
			for (const child of owned) signalGroup(child, 'SIGKILL');
		});
	}
}

function forget(pid: number): void {
	owned.delete(pid);
	fs.rmSync(path.join(PID_DIR, `${pid}.json`), { force: true });
}

function cmdlineOf(pid: number): string {
	try {
		return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
	} catch {
		return '';
	}
}

/** Ends n8n processes a dead harness run left behind (checked by PID, owner PID and command line). */
export async function reapOrphans(log: (line: string) => void = console.log): Promise<void> {
	let files: string[] = [];
	try {
		files = fs.readdirSync(PID_DIR).filter((file) => file.endsWith('.json'));
	} catch {
		return;
	}
	for (const file of files) {
		let entry: { pid: number; ownerPid: number; entry?: string; cleanupPaths?: string[]; kind?: string; stopSignal?: NodeJS.Signals };
		try {
			entry = JSON.parse(fs.readFileSync(path.join(PID_DIR, file), 'utf8'));
		} catch {
			continue;
		}
		// A live owner answers for its n8n (even this process: jest loads this module more than once).
		if (isAlive(entry.ownerPid)) continue;
		if (owned.has(entry.pid)) continue;
		if (groupAlive(entry.pid) && entry.entry && cmdlineOf(entry.pid).includes(entry.entry)) {
			log(`stopping ${entry.kind ?? 'n8n'} pid ${entry.pid} left behind by dead process ${entry.ownerPid}`);
			await stopGroup(entry.pid, 10_000, entry.stopSignal);
		}
		for (const leftover of entry.cleanupPaths ?? []) {
			if (path.resolve(leftover).startsWith(`${SCRATCH_ROOT}${path.sep}`)) fs.rmSync(leftover, { recursive: true, force: true });
		}
		fs.rmSync(path.join(PID_DIR, file), { force: true });
	}
}

// --- start / stop -----------------------------------------------------------------------------

function newLogFile(port: number): string {
	fs.mkdirSync(LOG_DIR, { recursive: true });
	const logs = fs
		.readdirSync(LOG_DIR)
		.filter((file) => file.endsWith('.log'))
		.sort();
	for (const old of logs.slice(0, Math.max(0, logs.length - 20))) fs.rmSync(path.join(LOG_DIR, old), { force: true });
	const stamp = new Date().toISOString().replace(/[:.]/g, '-');
	return path.join(LOG_DIR, `n8n-${stamp}-port${port}.log`);
}

async function get(url: string): Promise<number> {
	try {
		const response = await request(url, { method: 'GET', headersTimeout: 5000, bodyTimeout: 5000 });
		await response.body.dump();
		return response.statusCode;
	} catch {
		return 0;
	}
}

/**
 * Starts n8n and resolves once /healthz/readiness and the REST API answer:
 * enough to set up an owner and call the API, not a sign that published
 * workflows are active (with N8N_USE_WORKFLOW_PUBLICATION_SERVICE=false n8n
 * activates them after this). Tests wait for the effect they assert (waitFor()).
 * Ports picked here are retried with new ones if another process took them
 * between the pick and n8n's bind.
 */
export async function startN8n(options: StartN8nOptions): Promise<RunningN8n> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await startOnce(options);
		} catch (error) {
			const portsPicked = options.port === undefined || options.brokerPort === undefined;
			if (!portsPicked || attempt >= 3 || !/EADDRINUSE|already in use/i.test((error as Error).message)) throw error;
		}
	}
}

async function startOnce(options: StartN8nOptions): Promise<RunningN8n> {
	const installDir = options.installDir ?? hostInstallDir();
	const port = options.port ?? (await freePort());
	const brokerPort = options.brokerPort ?? (await freePort());
	const listenAddress = options.listenAddress ?? '127.0.0.1';
	const logFile = options.logFile ?? newLogFile(port);
	const entry = n8nEntry(installDir);
	if (!fs.existsSync(entry)) throw new Error(`n8n is not installed in ${installDir}: call installN8n() first`);
	fs.mkdirSync(options.userFolder, { recursive: true });
	await reapOrphans();

	const host = listenAddress === '0.0.0.0' || listenAddress === '::' ? '127.0.0.1' : listenAddress;
	const baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
	const env = n8nEnv({ ...options, port, brokerPort, listenAddress, installDir });

	fs.mkdirSync(path.dirname(logFile), { recursive: true });
	const fd = fs.openSync(logFile, 'a');
	const command = options.command ?? 'start';
	fs.writeSync(fd, `# n8n ${command} on ${baseUrl}, user folder ${options.userFolder}, ${new Date().toISOString()}\n`);
	const started = Date.now();
	// detached: n8n leads a process group of its own, which takes its task runner along on stop.
	const child = spawn(hostNodeBin(installDir), [entry, command], {
		cwd: options.userFolder,
		env,
		detached: true,
		stdio: ['ignore', options.echo ? 'pipe' : fd, options.echo ? 'pipe' : fd],
	});
	if (options.echo) {
		const copy = (chunk: Buffer) => {
			fs.appendFileSync(logFile, chunk);
			process.stdout.write(chunk);
		};
		child.stdout?.on('data', copy);
		child.stderr?.on('data', copy);
	}
	fs.closeSync(fd);
	const pid = child.pid;
	if (pid === undefined) {
		await new Promise((resolve) => child.once('error', resolve));
		throw new Error(`Could not start ${hostNodeBin(installDir)} ${entry}`);
	}
	const ownerPid = options.ownerPid !== undefined && isAlive(options.ownerPid) ? options.ownerPid : process.pid;
	const info = { kind: `n8n ${command}`, entry, port, brokerPort, userFolder: options.userFolder, logFile, cleanupPaths: options.cleanupPaths ?? [], startedAt: new Date().toISOString() };
	record(pid, info, ownerPid);
	let exit: string | undefined;
	child.once('exit', (code, signal) => (exit = signal ?? `exit code ${code}`));
	child.unref();

	const stop = async (): Promise<void> => {
		try {
			await stopGroup(pid);
		} finally {
			forget(pid);
		}
	};

	const deadline = Date.now() + (options.readyTimeoutMs ?? 180_000);
	try {
		for (;;) {
			if (exit !== undefined) throw new Error(`n8n exited (${exit}) before it was ready`);
			if (Date.now() > deadline) throw new Error(`n8n was not ready on ${baseUrl} within ${options.readyTimeoutMs ?? 180_000} ms`);
			// readiness = database up and migrated; /rest/settings = the REST routes are mounted.
			const readyUrls = options.readyUrls ?? [`${baseUrl}/healthz/readiness`, `${baseUrl}/rest/settings`];
			let ready = true;
			for (const url of readyUrls) if (ready && (await get(url)) !== 200) ready = false;
			if (ready) break;
			await sleep(250);
		}
	} catch (error) {
		await stop();
		throw new Error(`${(error as Error).message}\n--- ${logFile} (tail) ---\n${tail(logFile, 60)}`);
	}

	return {
		baseUrl,
		pid,
		port,
		brokerPort,
		userFolder: options.userFolder,
		logFile,
		options: { ...options, port, brokerPort, logFile },
		startMs: Date.now() - started,
		stop,
	};
}

/** Stops an n8n started by startN8n() in another process (by PID; its process group). */
export async function stopN8nByPid(pid: number, graceMs?: number): Promise<void> {
	try {
		await stopGroup(pid, graceMs);
	} finally {
		forget(pid);
	}
}
