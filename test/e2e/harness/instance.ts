/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error, no-console -- test code runs under jest on a developer machine, not inside n8n */
/**
 * bootN8n(): everything from nothing to a usable n8n: install (if needed), pack
 * and stage this package, start n8n, set up the owner, log in, get an API key.
 * The result is an N8nInstance: the client plus restart() and stop().
 * `target` picks the n8n (targets.ts): n8n 2 unless told otherwise.
 *
 * The jest e2e project boots ONE instance in its globalSetup and describes it in
 * a JSON file (path in N8N_E2E_STATE_FILE; the e2e-n8n1 project's in the
 * variable its target names); test files get it with getSharedN8n(target).
 * A test that must restart n8n or change its environment boots its own with
 * bootN8n() and stops it in afterAll.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { DEFAULT_OWNER, N8nClient, createApiKey, login, setupOwner, type OwnerCredentials } from './client';
import { http } from './http';
import { installN8n, type N8nInstall } from './install';
import { startN8n, stopN8nByPid, type RunningN8n, type StartN8nOptions } from './n8n';
import { packPackage, type StagedPackage } from './pack';
import { SCRATCH_ROOT } from './paths';
import { isAlive } from './proc';
import { N8N_2, targetNamed, type N8nTarget } from './targets';

export interface BootOptions {
	/** Which n8n to install and start (default: n8n 2). */
	target?: N8nTarget;
	/** Names the staging folder and the temporary user folder. */
	label?: string;
	/** A persistent N8N_USER_FOLDER; default: a new temporary one, removed by stop(). */
	userFolder?: string;
	port?: number;
	brokerPort?: number;
	listenAddress?: string;
	/** Extra environment for n8n. */
	env?: Record<string, string | undefined>;
	owner?: OwnerCredentials;
	/** Copy n8n's output to stdout. */
	echo?: boolean;
	/**
	 * How n8n finds the package: through N8N_CUSTOM_EXTENSIONS (types `CUSTOM.<name>`,
	 * the default), or installed as a community package in the user folder's
	 * `.n8n/nodes/node_modules`, as Settings → Community Nodes installs it (types
	 * `<package>.<name>`; only there does n8n map credentials to the nodes that test them).
	 */
	loadAs?: 'customExtension' | 'communityPackage';
	log?: (line: string) => void;
}

export interface BootTimings {
	installMs: number;
	packMs: number;
	startMs: number;
	setupMs: number;
}

/** What a second process needs to use (and restart, and stop) an instance. */
export interface InstanceState {
	baseUrl: string;
	apiKey: string;
	cookie: string;
	pid: number;
	ownerPid: number;
	userFolder: string;
	removeUserFolder: boolean;
	logFile: string;
	stagingDir: string;
	packageDir: string;
	staged: Pick<StagedPackage, 'name' | 'version' | 'nodes' | 'credentials' | 'missing' | 'fileCount'>;
	install: Pick<N8nInstall, 'installDir' | 'n8nVersion' | 'nodeVersion'>;
	/** The target's name (targets.ts); absent in states written before there were targets: n8n 2. */
	target?: N8nTarget['name'];
	owner: OwnerCredentials;
	/** What n8n prefixes the package's node types with: `CUSTOM` or the package name (see BootOptions.loadAs). */
	nodeTypePrefix: string;
	startOptions: RunningN8n['options'];
	timings: BootTimings;
}

/** Saved in a persistent user folder, so that later starts reuse the owner and the API key. */
const SAVED_ACCESS = 'harness-access.json';

export class N8nInstance extends N8nClient {
	constructor(
		public state: InstanceState,
		private readonly stateFile?: string,
	) {
		super({
			baseUrl: state.baseUrl,
			apiKey: state.apiKey,
			cookie: state.cookie,
			userFolder: state.userFolder,
			installDir: state.install.installDir,
			activation: targetNamed(state.target).activation,
			credentialDefaults: targetNamed(state.target).credentialDefaults,
		});
	}

	get pid(): number {
		return this.state.pid;
	}

	get logFile(): string {
		return this.state.logFile;
	}

	get userFolder(): string {
		return this.state.userFolder;
	}

	/**
	 * Stops n8n (by PID) and starts it again on the same ports and user folder;
	 * returns the start time in ms. Resolves once n8n reports ready, which is
	 * not once it has (re)activated published workflows: with
	 * N8N_USE_WORKFLOW_PUBLICATION_SERVICE=false that (and the triggers'
	 * checkExists/create) happens afterwards. Wait for what you assert with waitFor().
	 */
	async restart(): Promise<number> {
		await stopN8nByPid(this.state.pid);
		const running = await startN8n({ ...this.state.startOptions, ownerPid: this.state.ownerPid });
		this.state = { ...this.state, pid: running.pid, baseUrl: running.baseUrl };
		this.options = { ...this.options, baseUrl: running.baseUrl };
		if (this.stateFile) writeState(this.stateFile, this.state);
		return running.startMs;
	}

	/** Stops n8n by PID and removes the staging folder and a temporary user folder. */
	async stop(): Promise<void> {
		await stopN8nByPid(this.state.pid);
		fs.rmSync(this.state.stagingDir, { recursive: true, force: true });
		if (this.state.removeUserFolder) fs.rmSync(this.state.userFolder, { recursive: true, force: true });
	}
}

export function writeState(file: string, state: InstanceState): void {
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, `${JSON.stringify(state, null, '\t')}\n`);
}

export function readState(file: string): InstanceState {
	return JSON.parse(fs.readFileSync(file, 'utf8')) as InstanceState;
}

async function ensureAccess(running: RunningN8n, owner: OwnerCredentials, persistent: boolean): Promise<{ cookie: string; apiKey: string; owner: OwnerCredentials }> {
	const savedFile = path.join(running.userFolder, SAVED_ACCESS);
	const saved = persistent && fs.existsSync(savedFile) ? (JSON.parse(fs.readFileSync(savedFile, 'utf8')) as { owner: OwnerCredentials; apiKey: string }) : undefined;
	const account = saved?.owner ?? owner;
	await setupOwner(running.baseUrl, account);
	const cookie = await login(running.baseUrl, account);
	if (saved) {
		const probe = await http('GET', `${running.baseUrl}/api/v1/workflows?limit=1`, {
			headers: { 'X-N8N-API-KEY': saved.apiKey },
			accept: [200, 401, 403],
		});
		if (probe.status === 200) return { cookie, apiKey: saved.apiKey, owner: account };
	}
	const apiKey = await createApiKey(running.baseUrl, cookie);
	if (persistent) fs.writeFileSync(savedFile, `${JSON.stringify({ owner: account, apiKey }, null, '\t')}\n`, { mode: 0o600 });
	return { cookie, apiKey, owner: account };
}

/** Installs (if needed), stages the package, starts n8n and gets an owner session and an API key. */
export async function bootN8n(options: BootOptions = {}): Promise<N8nInstance> {
	const log = options.log ?? ((line: string) => console.log(`[n8n-e2e] ${line}`));
	const label = options.label ?? String(process.pid);
	const target = options.target ?? N8N_2;

	const install = await installN8n({ log, target });

	const t0 = Date.now();
	const staged = await packPackage({ label });
	const packMs = Date.now() - t0;
	if (staged.missing.length > 0) log(`package.json lists files missing from the tarball (dist stale?): ${staged.missing.join(', ')}`);

	const removeUserFolder = options.userFolder === undefined;
	const userFolder = options.userFolder ?? fs.mkdtempSync(path.join(SCRATCH_ROOT, `user-${label}-`));
	fs.mkdirSync(userFolder, { recursive: true });

	const asPackage = options.loadAs === 'communityPackage';
	if (asPackage) {
		fs.cpSync(staged.packageDir, path.join(userFolder, '.n8n', 'nodes', 'node_modules', staged.name), { recursive: true });
	}
	const startOptions: StartN8nOptions = {
		port: options.port,
		brokerPort: options.brokerPort,
		userFolder,
		extensionsDir: asPackage ? undefined : staged.packageDir,
		env: { ...target.env, ...options.env },
		listenAddress: options.listenAddress,
		echo: options.echo,
		installDir: install.installDir,
		cleanupPaths: removeUserFolder ? [staged.stagingDir, userFolder] : [staged.stagingDir],
	};
	let running: RunningN8n;
	try {
		running = await startN8n(startOptions);
	} catch (error) {
		fs.rmSync(staged.stagingDir, { recursive: true, force: true });
		if (removeUserFolder) fs.rmSync(userFolder, { recursive: true, force: true });
		throw error;
	}

	const t1 = Date.now();
	let access: Awaited<ReturnType<typeof ensureAccess>>;
	try {
		access = await ensureAccess(running, options.owner ?? DEFAULT_OWNER, !removeUserFolder);
	} catch (error) {
		await running.stop();
		throw error;
	}
	const setupMs = Date.now() - t1;

	return new N8nInstance({
		baseUrl: running.baseUrl,
		apiKey: access.apiKey,
		cookie: access.cookie,
		pid: running.pid,
		ownerPid: process.pid,
		userFolder,
		removeUserFolder,
		logFile: running.logFile,
		stagingDir: staged.stagingDir,
		packageDir: staged.packageDir,
		staged: {
			name: staged.name,
			version: staged.version,
			nodes: staged.nodes,
			credentials: staged.credentials,
			missing: staged.missing,
			fileCount: staged.fileCount,
		},
		install: { installDir: install.installDir, n8nVersion: install.n8nVersion, nodeVersion: install.nodeVersion },
		target: target.name,
		owner: access.owner,
		nodeTypePrefix: asPackage ? staged.name : 'CUSTOM',
		startOptions: running.options,
		timings: { installMs: install.durationMs, packMs, startMs: running.startMs, setupMs },
	});
}

/** Environment variable through which the e2e project's globalSetup tells test files where the shared n8n 2 is described. */
export const STATE_ENV = N8N_2.stateEnv;

/**
 * The n8n of `target` that its jest project's globalSetup started (one per jest
 * run): `e2e` for n8n 2, `e2e-n8n1` for n8n 1. Do not stop it; restart() is
 * allowed but affects every test file running on it.
 */
export function getSharedN8n(target: N8nTarget = N8N_2): N8nInstance {
	const file = process.env[target.stateEnv];
	if (!file || !fs.existsSync(file)) {
		throw new Error(
			`No shared ${target.name} n8n: ${target.stateEnv} is not set or its file is gone. Run e2e tests through jest's project ` +
				`of that target (npx jest --selectProjects ${target === N8N_2 ? 'e2e' : `e2e-${target.name}`}), whose globalSetup starts it, ` +
				'or boot one with bootN8n().',
		);
	}
	const state = readState(file);
	if (!isAlive(state.pid)) throw new Error(`The shared n8n (pid ${state.pid}) is not running; see ${state.logFile}`);
	return new N8nInstance(state, file);
}
