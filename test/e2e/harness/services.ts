/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error -- test code runs under jest on a developer machine, not inside n8n */
/**
 * The services n8n's queue mode needs, run privately on loopback by the suite:
 * PostgreSQL (the machine's server binaries, e.g. Debian's postgresql-15 under
 * /usr/lib/postgresql/<version>/bin) and Redis (Debian's `redis-server`).
 *
 * Missing binaries are installed with `apt-get install` when this process is
 * root and apt-get exists (CI); otherwise ensure*() report why they are not
 * available and the queue target is skipped. Each server runs in a new folder
 * under SCRATCH_ROOT, on a free port, with no persistence beyond that folder,
 * as the leader of its own process group, recorded in the harness's process
 * registry (n8n.ts) so that a killed run's leftovers are reaped by the next
 * run. PostgreSQL refuses to run as root: as root it runs as the `postgres`
 * user (or `nobody` where there is none) through spawn's uid/gid.
 */
import { execFile, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

import { forgetProcess, freePort, recordProcess } from './n8n';
import { LOG_DIR } from './paths';
import { cleanEnv, groupAlive, isAlive, stopGroup, tail } from './proc';
import { waitFor } from './wait';

export interface ServiceProcess {
	kind: 'postgres' | 'redis';
	pid: number;
	port: number;
	logFile: string;
}

/** Runs a program to completion (optionally as another user); resolves with stdout, rejects with its output. */
export function exec(
	file: string,
	args: string[],
	options: { uid?: number; gid?: number; env?: NodeJS.ProcessEnv; timeoutMs?: number; cwd?: string } = {},
): Promise<string> {
	return new Promise((resolve, reject) => {
		execFile(
			file,
			args,
			{
				uid: options.uid,
				gid: options.gid,
				env: options.env ?? cleanEnv(),
				cwd: options.cwd ?? '/',
				timeout: options.timeoutMs ?? 60_000,
				maxBuffer: 16 * 1024 * 1024,
			},
			(error, stdout, stderr) => {
				if (error) reject(new Error(`${file} ${args.join(' ')} failed: ${error.message}\n${stderr}${stdout}`.trim()));
				else resolve(stdout);
			},
		);
	});
}

function onPath(name: string): string | undefined {
	for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
		const candidate = path.join(dir, name);
		try {
			fs.accessSync(candidate, fs.constants.X_OK);
			return candidate;
		} catch {
			// not here
		}
	}
	return undefined;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** `apt-get install -y <packages>` (non-interactive; `apt-get update` once first if the plain install fails). */
export async function aptInstall(packages: string[], log: (line: string) => void): Promise<void> {
	const aptGet = onPath('apt-get');
	if (!aptGet) throw new Error('apt-get is not available');
	if (!isRoot()) throw new Error('apt-get install needs root');
	const env = cleanEnv({ DEBIAN_FRONTEND: 'noninteractive' });
	const args = ['install', '-y', '--no-install-recommends', ...packages];
	log(`installing ${packages.join(' ')} with apt-get`);
	try {
		await exec(aptGet, args, { env, timeoutMs: 300_000 });
	} catch {
		await exec(aptGet, ['update'], { env, timeoutMs: 300_000 });
		await exec(aptGet, args, { env, timeoutMs: 300_000 });
	}
}

// --- PostgreSQL ---------------------------------------------------------------------------------

/** The folder with initdb and postgres: E2E_PG_BIN, else the newest /usr/lib/postgresql/<v>/bin, else PATH. */
export function findPostgresBin(): string | undefined {
	const has = (dir: string) => fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'postgres'));
	if (process.env.E2E_PG_BIN) return has(process.env.E2E_PG_BIN) ? process.env.E2E_PG_BIN : undefined;
	try {
		const versions = fs
			.readdirSync('/usr/lib/postgresql')
			.filter((entry) => /^\d+$/.test(entry))
			.sort((a, b) => Number(b) - Number(a));
		for (const version of versions) {
			const dir = path.join('/usr/lib/postgresql', version, 'bin');
			if (has(dir)) return dir;
		}
	} catch {
		// no Debian layout
	}
	const initdb = onPath('initdb');
	return initdb && has(path.dirname(initdb)) ? path.dirname(initdb) : undefined;
}

/** PostgreSQL's server binaries, installed with apt-get (Debian's `postgresql`) when missing and possible. */
export async function ensurePostgres(log: (line: string) => void): Promise<string> {
	let bin = findPostgresBin();
	if (bin) return bin;
	await aptInstall(['postgresql'], log);
	bin = findPostgresBin();
	if (!bin) throw new Error('apt-get installed postgresql but no initdb/postgres binaries were found');
	return bin;
}

/** The user PostgreSQL runs as: this one, or as root `postgres` (else `nobody`). */
async function postgresUser(): Promise<{ uid?: number; gid?: number; name: string }> {
	if (!isRoot()) return { name: 'the current user' };
	for (const name of ['postgres', 'nobody']) {
		try {
			const uid = Number((await exec('id', ['-u', name])).trim());
			const gid = Number((await exec('id', ['-g', name])).trim());
			if (Number.isInteger(uid) && Number.isInteger(gid) && uid !== 0) return { uid, gid, name };
		} catch {
			// no such user
		}
	}
	throw new Error('running as root and neither a `postgres` nor a `nobody` user exists to run PostgreSQL as');
}

export interface PostgresOptions {
	bin: string;
	/** The cluster's folder (created; must lie under SCRATCH_ROOT). */
	dataDir: string;
	port?: number;
	ownerPid?: number;
	logFile?: string;
	log?: (line: string) => void;
}

export interface RunningPostgres extends ServiceProcess {
	kind: 'postgres';
	dataDir: string;
	bin: string;
	user: string;
	database: string;
}

function newServiceLog(kind: string, port: number): string {
	fs.mkdirSync(LOG_DIR, { recursive: true });
	const stamp = new Date().toISOString().replace(/[:.]/g, '-');
	return path.join(LOG_DIR, `${kind}-${stamp}-port${port}.log`);
}

/** Creates a cluster in `dataDir` (role and database `n8n`, trust authentication on loopback only). */
export async function initPostgres(bin: string, dataDir: string): Promise<void> {
	const user = await postgresUser();
	fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
	if (user.uid !== undefined) {
		fs.chownSync(dataDir, user.uid, user.gid as number);
		// The user must be able to reach the folder: open the parents' search bit.
		for (let dir = path.dirname(dataDir); dir !== path.dirname(dir) && !['/tmp', '/'].includes(dir); dir = path.dirname(dir)) {
			const mode = fs.statSync(dir).mode & 0o777;
			if ((mode & 0o001) === 0) fs.chmodSync(dir, mode | 0o011);
		}
	}
	await exec(
		path.join(bin, 'initdb'),
		['-D', dataDir, '-U', 'n8n', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions'],
		{ uid: user.uid, gid: user.gid, timeoutMs: 120_000, cwd: dataDir },
	);
}

/** Starts PostgreSQL on `dataDir` (initialised by initPostgres) and creates database `n8n` if it is not there. */
export async function startPostgres(options: PostgresOptions): Promise<RunningPostgres> {
	const user = await postgresUser();
	const port = options.port ?? (await freePort());
	const logFile = options.logFile ?? newServiceLog('postgres', port);
	const fd = fs.openSync(logFile, 'a');
	const postgres = path.join(options.bin, 'postgres');
	// Speed over durability (a throw-away cluster); no Unix socket (loopback TCP only).
	const args = ['-D', options.dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=',
		'-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200'];
	const child = spawn(postgres, args, { detached: true, stdio: ['ignore', fd, fd], uid: user.uid, gid: user.gid, cwd: options.dataDir, env: cleanEnv() });
	fs.closeSync(fd);
	const pid = child.pid;
	if (pid === undefined) throw new Error(`Could not start ${postgres}`);
	let exit: string | undefined;
	child.once('exit', (code, signal) => (exit = signal ?? `exit code ${code}`));
	child.unref();
	const ownerPid = options.ownerPid !== undefined && isAlive(options.ownerPid) ? options.ownerPid : process.pid;
	recordProcess(pid, { kind: 'postgres', entry: postgres, port, stopSignal: 'SIGINT', cleanupPaths: [] }, ownerPid);
	const running: RunningPostgres = { kind: 'postgres', pid, port, logFile, dataDir: options.dataDir, bin: options.bin, user: user.name, database: 'n8n' };
	try {
		await waitFor(
			async () => {
				if (exit !== undefined) throw new Error(`postgres exited (${exit}) before it was ready`);
				return await exec(path.join(options.bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'n8n', '-d', 'postgres']).then(
					() => true,
					() => false,
				);
			},
			{ describe: `PostgreSQL to accept connections on 127.0.0.1:${port}`, timeoutMs: 60_000, intervalMs: 200 },
		);
		const exists = await psql(running, 'postgres', "SELECT 1 FROM pg_database WHERE datname = 'n8n'");
		if (exists.trim() !== '1') await psql(running, 'postgres', 'CREATE DATABASE n8n');
	} catch (error) {
		await stopService(running);
		throw new Error(`${(error as Error).message}\n--- ${logFile} (tail) ---\n${tail(logFile, 30)}`);
	}
	return running;
}

/** One SQL command through psql as role n8n; the unaligned, tuples-only output. */
export async function psql(pg: Pick<RunningPostgres, 'bin' | 'port'>, database: string, sql: string): Promise<string> {
	return await exec(path.join(pg.bin, 'psql'), ['-h', '127.0.0.1', '-p', String(pg.port), '-U', 'n8n', '-d', database, '-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-c', sql], {
		timeoutMs: 30_000,
	});
}

// --- Redis --------------------------------------------------------------------------------------

/** The redis-server binary: E2E_REDIS_SERVER, else PATH, else /usr/bin or /usr/sbin. */
export function findRedisServer(): string | undefined {
	if (process.env.E2E_REDIS_SERVER) return fs.existsSync(process.env.E2E_REDIS_SERVER) ? process.env.E2E_REDIS_SERVER : undefined;
	return onPath('redis-server') ?? ['/usr/bin/redis-server', '/usr/sbin/redis-server'].find((file) => fs.existsSync(file));
}

/** redis-server, installed with apt-get (Debian's `redis-server`) when missing and possible. */
export async function ensureRedis(log: (line: string) => void): Promise<string> {
	let server = findRedisServer();
	if (server) return server;
	await aptInstall(['redis-server'], log);
	server = findRedisServer();
	if (!server) throw new Error('apt-get installed redis-server but the binary was not found');
	return server;
}

export interface RunningRedis extends ServiceProcess {
	kind: 'redis';
	server: string;
}

/** Sends PING over a plain socket; true on +PONG. */
function ping(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = net.connect({ host: '127.0.0.1', port });
		let answer = '';
		const done = (ok: boolean) => {
			socket.destroy();
			resolve(ok);
		};
		socket.setTimeout(2000, () => done(false));
		socket.on('error', () => done(false));
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (chunk) => {
			answer += chunk.toString();
			if (answer.includes('\r\n')) done(answer.startsWith('+PONG'));
		});
	});
}

/** Starts redis-server on loopback, no persistence (no RDB snapshots, no AOF). */
export async function startRedis(options: {
	server: string;
	dir: string;
	port?: number;
	ownerPid?: number;
	logFile?: string;
	/** Folders (under SCRATCH_ROOT) to delete if this Redis is ever reaped as an orphan. */
	cleanupPaths?: string[];
}): Promise<RunningRedis> {
	const port = options.port ?? (await freePort());
	const logFile = options.logFile ?? newServiceLog('redis', port);
	fs.mkdirSync(options.dir, { recursive: true });
	const fd = fs.openSync(logFile, 'a');
	const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--dir', options.dir, '--logfile', ''];
	const child = spawn(options.server, args, { detached: true, stdio: ['ignore', fd, fd], cwd: options.dir, env: cleanEnv() });
	fs.closeSync(fd);
	const pid = child.pid;
	if (pid === undefined) throw new Error(`Could not start ${options.server}`);
	let exit: string | undefined;
	child.once('exit', (code, signal) => (exit = signal ?? `exit code ${code}`));
	child.unref();
	const ownerPid = options.ownerPid !== undefined && isAlive(options.ownerPid) ? options.ownerPid : process.pid;
	recordProcess(pid, { kind: 'redis', entry: 'redis-server', port, cleanupPaths: options.cleanupPaths ?? [] }, ownerPid);
	const running: RunningRedis = { kind: 'redis', pid, port, logFile, server: options.server };
	try {
		await waitFor(
			async () => {
				if (exit !== undefined) throw new Error(`redis-server exited (${exit}) before it was ready`);
				return await ping(port);
			},
			{ describe: `Redis to answer PING on 127.0.0.1:${port}`, timeoutMs: 30_000, intervalMs: 100 },
		);
	} catch (error) {
		await stopService(running);
		throw new Error(`${(error as Error).message}\n--- ${logFile} (tail) ---\n${tail(logFile, 30)}`);
	}
	return running;
}

/** Stops a service started here by PID (PostgreSQL with SIGINT, its fast shutdown) and waits until it is gone. */
export async function stopService(service: Pick<ServiceProcess, 'kind' | 'pid'>): Promise<void> {
	try {
		if (groupAlive(service.pid)) await stopGroup(service.pid, 20_000, service.kind === 'postgres' ? 'SIGINT' : 'SIGTERM');
	} finally {
		forgetProcess(service.pid);
	}
}
