/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error, no-console -- test code runs under jest on a developer machine, not inside n8n */
/**
 * bootQueueCluster(): n8n's queue mode (its distributed engine) on loopback, for
 * the e2e-queue jest project: PostgreSQL, Redis, one main (`n8n start`), two
 * webhook processors (`n8n webhook`) and two workers (`n8n worker`), each n8n
 * process with its own N8N_PORT, N8N_RUNNERS_BROKER_PORT and user folder, all
 * sharing N8N_ENCRYPTION_KEY, EXECUTIONS_MODE=queue, the DB_POSTGRESDB_* and
 * QUEUE_BULL_REDIS_* settings. Every process leads its own process group, is
 * recorded in the harness's process registry (reaped by a later run if its
 * owner died) and is stopped by PID.
 *
 * The cluster is described by a JSON state file (QUEUE_STATE_ENV), so that test
 * files in jest workers can drive it (restart processes) and globalTeardown
 * stops whatever PIDs are current.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { DEFAULT_OWNER, N8nClient, createApiKey, login, setupOwner, type OwnerCredentials } from './client';
import { installN8n } from './install';
import { freePort, reapOrphans, startN8n, stopN8nByPid, type StartN8nOptions } from './n8n';
import { packPackage } from './pack';
import { LOG_DIR, SCRATCH_ROOT } from './paths';
import { groupAlive, signalGroup } from './proc';
import { waitFor } from './wait';
import {
	ensurePostgres,
	ensureRedis,
	initPostgres,
	psql,
	startPostgres,
	startRedis,
	stopService,
	type RunningPostgres,
	type RunningRedis,
} from './services';
import type { WebhookEntity } from './webhooks';

export type QueueRole = 'main' | 'webhook' | 'worker';

export interface QueueProcessState {
	role: QueueRole;
	/** `webhook-0`, `worker-1`, ... */
	name: string;
	pid: number;
	port: number;
	brokerPort: number;
	/** Workers: QUEUE_HEALTH_CHECK_PORT. */
	healthPort?: number;
	userFolder: string;
	logFile: string;
	baseUrl: string;
}

export interface QueueState {
	ownerPid: number;
	/** This cluster's logs (every n8n process, PostgreSQL, Redis, each start a new file); the newest 5 clusters' folders are kept. */
	logDir: string;
	baseDir: string;
	stagingDir: string;
	packageDir: string;
	installDir: string;
	n8nVersion: string;
	encryptionKey: string;
	/** Extra environment for every n8n process. */
	env: Record<string, string | undefined>;
	postgres: RunningPostgres;
	redis: RunningRedis & { dir: string };
	main: QueueProcessState;
	webhooks: QueueProcessState[];
	workers: QueueProcessState[];
	apiKey: string;
	cookie: string;
	owner: OwnerCredentials;
	timings: { installMs: number; packMs: number; servicesMs: number; mainMs: number; othersMs: number };
}

/** Environment variable through which the e2e-queue globalSetup tells test files where the state file is. */
export const QUEUE_STATE_ENV = 'N8N_E2E_QUEUE_STATE_FILE';

/** What the state file says when the target cannot run here. */
export interface QueueUnavailable {
	available: false;
	reason: string;
}

export type QueueStateFile = ({ available: true } & QueueState) | QueueUnavailable;

/** PostgreSQL or Redis cannot be installed or started here: the target is skipped, not failed. */
export class ServiceUnavailableError extends Error {}

export function writeQueueState(file: string, state: QueueStateFile): void {
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(`${file}.tmp`, `${JSON.stringify(state, null, '\t')}\n`);
	fs.renameSync(`${file}.tmp`, file);
}

/** The cluster's state without the `available` flag of the state file. */
export function clusterState(file: { available: true } & QueueState): QueueState {
	const state: Partial<QueueStateFile> = { ...file };
	delete state.available;
	return state as QueueState;
}

export function readQueueState(file = process.env[QUEUE_STATE_ENV]): QueueStateFile | undefined {
	if (!file || !fs.existsSync(file)) return undefined;
	return JSON.parse(fs.readFileSync(file, 'utf8')) as QueueStateFile;
}

/** The main process's client; webhook_entity is read from PostgreSQL (there is no SQLite file in queue mode). */
export class QueueMainClient extends N8nClient {
	constructor(
		options: ConstructorParameters<typeof N8nClient>[0],
		private readonly postgres: Pick<RunningPostgres, 'bin' | 'port' | 'database'>,
	) {
		super(options);
	}

	async webhookEntities(workflowId: string): Promise<WebhookEntity[]> {
		const id = workflowId.replace(/'/g, "''");
		const out = await psql(
			this.postgres,
			this.postgres.database,
			`SELECT coalesce(json_agg(t), '[]') FROM (SELECT "workflowId", "webhookPath", method, node, "webhookId", "pathLength" FROM webhook_entity WHERE "workflowId" = '${id}') t`,
		);
		return JSON.parse(out.trim() || '[]') as WebhookEntity[];
	}
}

function queueEnv(state: Pick<QueueState, 'postgres' | 'redis' | 'encryptionKey' | 'env'>): Record<string, string | undefined> {
	return {
		EXECUTIONS_MODE: 'queue',
		N8N_ENCRYPTION_KEY: state.encryptionKey,
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(state.postgres.port),
		DB_POSTGRESDB_DATABASE: state.postgres.database,
		DB_POSTGRESDB_USER: 'n8n',
		DB_POSTGRESDB_PASSWORD: 'n8n',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(state.redis.port),
		// Every process shows the same public webhook URL (the one the Rishi trigger registers); in
		// production that is the load balancer in front of the webhook processors.
		N8N_WEBHOOK_URL: undefined,
		WEBHOOK_URL: undefined,
		...state.env,
	};
}

/** Starts one n8n process of the cluster on the given (or new) ports; resolves when it reports ready. */
async function startRole(
	state: Pick<QueueState, 'postgres' | 'redis' | 'encryptionKey' | 'env' | 'packageDir' | 'installDir' | 'ownerPid' | 'baseDir' | 'logDir'>,
	role: QueueRole,
	name: string,
	previous?: QueueProcessState,
	webhookUrl?: string,
): Promise<QueueProcessState> {
	const port = previous?.port ?? (await freePort());
	const brokerPort = previous?.brokerPort ?? (await freePort());
	const healthPort = role === 'worker' ? (previous?.healthPort ?? (await freePort())) : undefined;
	const userFolder = previous?.userFolder ?? path.join(state.baseDir, name);
	const baseUrl = `http://127.0.0.1:${port}`;
	const env: Record<string, string | undefined> = { ...queueEnv(state) };
	if (webhookUrl) env.N8N_WEBHOOK_URL = webhookUrl;
	if (role === 'worker') {
		env.QUEUE_HEALTH_CHECK_ACTIVE = 'true';
		env.QUEUE_HEALTH_CHECK_PORT = String(healthPort);
	}
	const options: StartN8nOptions = {
		command: role === 'main' ? 'start' : role,
		logFile: newLog(state.logDir, name),
		port,
		brokerPort,
		userFolder,
		extensionsDir: state.packageDir,
		installDir: state.installDir,
		env,
		ownerPid: state.ownerPid,
		readyUrls:
			role === 'main'
				? [`${baseUrl}/healthz/readiness`, `${baseUrl}/rest/settings`]
				: role === 'webhook'
					? [`${baseUrl}/healthz/readiness`]
					: [`http://127.0.0.1:${healthPort}/healthz/readiness`],
	};
	const running = await startN8n(options);
	return { role, name, pid: running.pid, port, brokerPort, healthPort, userFolder, logFile: running.logFile, baseUrl };
}

/** A new log file in the cluster's log folder: <name>-<n>.log, numbered per start. */
function newLog(logDir: string, name: string): string {
	fs.mkdirSync(logDir, { recursive: true });
	for (let index = 1; ; index++) {
		const file = path.join(logDir, `${name}-${index}.log`);
		if (!fs.existsSync(file)) return file;
	}
}

/** A log folder for a new cluster under <cache>/logs/queue; the older ones beyond the newest 5 are removed. */
function newLogDir(): string {
	const root = path.join(LOG_DIR, 'queue');
	fs.mkdirSync(root, { recursive: true });
	const old = fs.readdirSync(root).sort();
	for (const dir of old.slice(0, Math.max(0, old.length - 4))) fs.rmSync(path.join(root, dir), { recursive: true, force: true });
	const dir = path.join(root, new Date().toISOString().replace(/[:.]/g, '-'));
	fs.mkdirSync(dir, { recursive: true });
	return dir;
}

export interface QueueBootOptions {
	label?: string;
	webhookProcessors?: number;
	workers?: number;
	env?: Record<string, string | undefined>;
	log?: (line: string) => void;
}

/**
 * Brings the whole cluster up. Throws ServiceUnavailableError when PostgreSQL
 * or Redis cannot be installed or started here (the caller skips the target);
 * any other failure is a real one.
 */
export async function bootQueueCluster(options: QueueBootOptions = {}): Promise<QueueCluster> {
	const log = options.log ?? ((line: string) => console.log(`[n8n-queue] ${line}`));
	const label = options.label ?? `queue-${process.pid}`;
	// A killed earlier run's processes (n8n, PostgreSQL, Redis) go first.
	await reapOrphans((line) => log(line));

	let pgBin: string;
	let redisServer: string;
	try {
		pgBin = await ensurePostgres(log);
	} catch (error) {
		throw new ServiceUnavailableError(`PostgreSQL is not available: ${(error as Error).message.split('\n')[0]}`);
	}
	try {
		redisServer = await ensureRedis(log);
	} catch (error) {
		throw new ServiceUnavailableError(`Redis is not available: ${(error as Error).message.split('\n')[0]}`);
	}

	const install = await installN8n({ log });
	const t0 = Date.now();
	const staged = await packPackage({ label });
	const packMs = Date.now() - t0;

	fs.mkdirSync(SCRATCH_ROOT, { recursive: true });
	const baseDir = fs.mkdtempSync(path.join(SCRATCH_ROOT, `${label}-`));
	const ownerPid = process.pid;
	const logDir = newLogDir();
	const cleanup = async (started: { postgres?: RunningPostgres; redis?: RunningRedis; n8n: QueueProcessState[] }) => {
		await Promise.all(started.n8n.map((entry) => stopN8nByPid(entry.pid).catch(() => undefined)));
		if (started.redis) await stopService(started.redis).catch(() => undefined);
		if (started.postgres) await stopService(started.postgres).catch(() => undefined);
		fs.rmSync(baseDir, { recursive: true, force: true });
		fs.rmSync(staged.stagingDir, { recursive: true, force: true });
	};

	const t1 = Date.now();
	const started: { postgres?: RunningPostgres; redis?: RunningRedis; n8n: QueueProcessState[] } = { n8n: [] };
	try {
		try {
			await initPostgres(pgBin, path.join(baseDir, 'pg'));
			started.postgres = await startPostgres({ bin: pgBin, dataDir: path.join(baseDir, 'pg'), ownerPid, logFile: newLog(logDir, 'postgres') });
		} catch (error) {
			throw new ServiceUnavailableError(`PostgreSQL could not be started: ${(error as Error).message.split('\n').slice(0, 3).join(' ')}`);
		}
		try {
			started.redis = await startRedis({
				server: redisServer,
				dir: path.join(baseDir, 'redis'),
				ownerPid,
				cleanupPaths: [baseDir, staged.stagingDir],
				logFile: newLog(logDir, 'redis'),
			});
		} catch (error) {
			throw new ServiceUnavailableError(`Redis could not be started: ${(error as Error).message.split('\n').slice(0, 3).join(' ')}`);
		}
		const servicesMs = Date.now() - t1;
		const base = {
			ownerPid,
			logDir,
			baseDir,
			stagingDir: staged.stagingDir,
			packageDir: staged.packageDir,
			installDir: install.installDir,
			encryptionKey: randomBytes(24).toString('hex'),
			env: options.env ?? {},
			postgres: started.postgres,
			redis: { ...started.redis, dir: path.join(baseDir, 'redis') },
		};

		// Main first: it runs the database migrations the others would race on.
		const t2 = Date.now();
		const mainPort = await freePort();
		const webhookUrl = `http://localhost:${mainPort}/`;
		base.env = { N8N_WEBHOOK_URL: webhookUrl, ...base.env };
		const main = await startRole(base, 'main', 'main', { role: 'main', name: 'main', pid: 0, port: mainPort, brokerPort: await freePort(), userFolder: path.join(baseDir, 'main'), logFile: '', baseUrl: '' });
		started.n8n.push(main);
		const owner = DEFAULT_OWNER;
		await setupOwner(main.baseUrl, owner);
		const cookie = await login(main.baseUrl, owner);
		const apiKey = await createApiKey(main.baseUrl, cookie);
		const mainMs = Date.now() - t2;

		const t3 = Date.now();
		const others = await Promise.allSettled([
			...Array.from({ length: options.webhookProcessors ?? 2 }, (_, index) => startRole(base, 'webhook', `webhook-${index}`)),
			...Array.from({ length: options.workers ?? 2 }, (_, index) => startRole(base, 'worker', `worker-${index}`)),
		]);
		for (const result of others) if (result.status === 'fulfilled') started.n8n.push(result.value);
		const failed = others.find((result): result is PromiseRejectedResult => result.status === 'rejected');
		if (failed) throw failed.reason;
		const othersMs = Date.now() - t3;
		const values = others.map((result) => (result as PromiseFulfilledResult<QueueProcessState>).value);

		return new QueueCluster({
			...base,
			n8nVersion: install.n8nVersion,
			main,
			webhooks: values.filter((entry) => entry.role === 'webhook'),
			workers: values.filter((entry) => entry.role === 'worker'),
			apiKey,
			cookie,
			owner,
			timings: { installMs: install.durationMs, packMs, servicesMs, mainMs, othersMs },
		});
	} catch (error) {
		await cleanup(started);
		throw error;
	}
}

export class QueueCluster {
	constructor(
		public state: QueueState,
		private readonly stateFile?: string,
	) {}

	/** The main process's REST client (workflows, credentials, executions). */
	get main(): QueueMainClient {
		return new QueueMainClient(
			{ baseUrl: this.state.main.baseUrl, apiKey: this.state.apiKey, cookie: this.state.cookie },
			this.state.postgres,
		);
	}

	/** Base URLs of the webhook processors. */
	get webhookBaseUrls(): string[] {
		return this.state.webhooks.map((entry) => entry.baseUrl);
	}

	/** Every n8n process, main first. */
	get n8nProcesses(): QueueProcessState[] {
		return [this.state.main, ...this.state.webhooks, ...this.state.workers];
	}

	private save(): void {
		if (this.stateFile) writeQueueState(this.stateFile, { available: true, ...this.state });
	}

	/**
	 * Stops every n8n process by PID (in parallel) and waits until each is gone; SIGKILL
	 * after `graceMs` (a webhook processor can otherwise wait out n8n's 30 s shutdown timeout).
	 */
	async stopN8n(graceMs = 20_000): Promise<void> {
		const results = await Promise.allSettled(this.n8nProcesses.map((entry) => stopN8nByPid(entry.pid, graceMs)));
		const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
		if (failed) throw failed.reason;
	}

	/** Starts every n8n process again on its ports and user folder: main first, then the others in parallel. */
	async startN8n(): Promise<void> {
		const webhookUrl = this.state.env.N8N_WEBHOOK_URL;
		this.state.main = await startRole(this.state, 'main', 'main', this.state.main, webhookUrl);
		this.save();
		const webhooks = this.state.webhooks.map((entry) => startRole(this.state, 'webhook', entry.name, entry, webhookUrl));
		const workers = this.state.workers.map((entry) => startRole(this.state, 'worker', entry.name, entry, webhookUrl));
		const results = await Promise.allSettled([...webhooks, ...workers]);
		const values = results.map((result) => (result.status === 'fulfilled' ? result.value : undefined));
		this.state.webhooks = this.state.webhooks.map((entry, index) => values[index] ?? entry);
		this.state.workers = this.state.workers.map((entry, index) => values[this.state.webhooks.length + index] ?? entry);
		this.save();
		const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
		if (failed) throw failed.reason;
	}

	/**
	 * Ends one n8n process of the cluster with `signal` sent to its process group (SIGTERM:
	 * n8n's graceful shutdown, up to its 30 s timeout; SIGKILL: a crash), waits until the
	 * group is gone, and starts it again on the same ports and user folder. Resolves with
	 * the milliseconds from the signal to ready.
	 */
	async crashAndRestart(name: string, signal: NodeJS.Signals): Promise<number> {
		const current = this.n8nProcesses.find((entry) => entry.name === name);
		if (!current) throw new Error(`no n8n process named ${name} in the cluster`);
		const stoppedAt = Date.now();
		signalGroup(current.pid, signal);
		await waitFor(() => groupAlive(current.pid), {
			describe: `${name} (pid ${current.pid}) to exit after ${signal}`,
			until: (alive) => !alive,
			timeoutMs: 60_000,
			intervalMs: 100,
		});
		await stopN8nByPid(current.pid);
		const next = await startRole(this.state, current.role, name, current);
		if (current.role === 'main') this.state.main = next;
		else if (current.role === 'webhook') this.state.webhooks = this.state.webhooks.map((entry) => (entry.name === name ? next : entry));
		else this.state.workers = this.state.workers.map((entry) => (entry.name === name ? next : entry));
		this.save();
		return Date.now() - stoppedAt;
	}

	/**
	 * Restarts every process of the cluster: the n8n processes are stopped, then
	 * Redis and PostgreSQL are restarted on their ports (PostgreSQL keeps its data;
	 * Redis has none to keep), then n8n starts again. Resolves when every process
	 * reports ready, which is not when main has (re)activated published workflows.
	 */
	async restartAll(): Promise<void> {
		await this.stopN8n();
		await stopService(this.state.redis);
		await stopService(this.state.postgres);
		const postgres = await startPostgres({
			bin: this.state.postgres.bin,
			dataDir: this.state.postgres.dataDir,
			port: this.state.postgres.port,
			ownerPid: this.state.ownerPid,
			logFile: newLog(this.state.logDir, 'postgres'),
		});
		this.state.postgres = postgres;
		this.save();
		const redis = await startRedis({
			server: this.state.redis.server,
			dir: this.state.redis.dir,
			port: this.state.redis.port,
			ownerPid: this.state.ownerPid,
			cleanupPaths: [this.state.baseDir, this.state.stagingDir],
			logFile: newLog(this.state.logDir, 'redis'),
		});
		this.state.redis = { ...redis, dir: this.state.redis.dir };
		this.save();
		await this.startN8n();
	}

	/** Stops everything by PID and removes the cluster's folders (logs are kept). */
	async stop(): Promise<void> {
		const errors: unknown[] = [];
		// A throw-away cluster: 10 s of grace, then SIGKILL.
		await this.stopN8n(10_000).catch((error) => errors.push(error));
		await stopService(this.state.redis).catch((error) => errors.push(error));
		await stopService(this.state.postgres).catch((error) => errors.push(error));
		const left = [...this.n8nProcesses, this.state.redis, this.state.postgres].filter((entry) => groupAlive(entry.pid));
		fs.rmSync(this.state.baseDir, { recursive: true, force: true });
		fs.rmSync(this.state.stagingDir, { recursive: true, force: true });
		if (left.length > 0) errors.push(new Error(`processes still running: ${left.map((entry) => entry.pid).join(', ')}`));
		if (errors.length > 0) throw errors[0];
	}
}

/** The cluster the e2e-queue globalSetup started, or why there is none. */
export function getQueueTarget(): { cluster?: QueueCluster; unavailable?: string } {
	const file = process.env[QUEUE_STATE_ENV];
	const state = readQueueState(file);
	if (!state) return { unavailable: `no queue-mode target: ${QUEUE_STATE_ENV} is not set (run through jest's e2e-queue project)` };
	if (!state.available) return { unavailable: state.reason };
	return { cluster: new QueueCluster(clusterState(state), file) };
}
