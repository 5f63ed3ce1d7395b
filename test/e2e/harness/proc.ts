/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error -- test code runs under jest on a developer machine, not inside n8n */
/** Child-process helpers shared by the installer, the packer and the n8n launcher. */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';

/** npm settings a parent `npm run` passes on that still apply to the npm calls of the harness: how to reach the registry. */
const KEPT_NPM_CONFIG = /^npm_config_(cache|registry|cafile|userconfig|globalconfig|proxy|https_proxy|noproxy|strict_ssl)$/i;

/**
 * The parent's environment without what `npm run` adds for its own scripts
 * (npm_config_ignore_scripts=true and npm_config_nodedir=/usr from this repo's
 * and the machine's .npmrc would break the n8n install) and without
 * NODE_OPTIONS / NODE_PATH.
 */
export function cleanEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (/^npm_(config|package|lifecycle)_/i.test(key) && !KEPT_NPM_CONFIG.test(key)) continue;
		if (key === 'NODE_OPTIONS' || key === 'NODE_PATH') continue;
		if (key === 'INIT_CWD' || key === 'npm_execpath' || key === 'npm_node_execpath' || key === 'npm_command') continue;
		env[key] = value;
	}
	for (const [key, value] of Object.entries(extra)) {
		if (value === undefined) delete env[key];
		else env[key] = value;
	}
	return env;
}

/** Last `lines` lines of a (log) file, or a note that it cannot be read. */
export function tail(file: string, lines = 60): string {
	try {
		const text = fs.readFileSync(file, 'utf8');
		return text.split('\n').slice(-lines).join('\n');
	} catch (error) {
		return `(cannot read ${file}: ${(error as Error).message})`;
	}
}

export interface RunOptions {
	cwd: string;
	env?: NodeJS.ProcessEnv;
	/** Output is appended here instead of being kept in memory. */
	logFile?: string;
	timeoutMs?: number;
}

/** Runs a command to completion; rejects with the output's tail on a non-zero exit. Resolves to stdout when not logged to a file. */
export function run(command: string, args: string[], options: RunOptions): Promise<string> {
	return new Promise((resolve, reject) => {
		const fd = options.logFile ? fs.openSync(options.logFile, 'a') : undefined;
		if (fd !== undefined) fs.writeSync(fd, `\n$ ${command} ${args.join(' ')}  (in ${options.cwd})\n`);
		const child = spawn(command, args, {
			cwd: options.cwd,
			env: options.env ?? cleanEnv(),
			stdio: ['ignore', fd ?? 'pipe', fd ?? 'pipe'],
		});
		if (fd !== undefined) fs.closeSync(fd);
		let out = '';
		let err = '';
		child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
		child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
		const timer = options.timeoutMs
			? setTimeout(() => {
					child.kill('SIGKILL');
				}, options.timeoutMs)
			: undefined;
		child.on('error', (error) => {
			if (timer) clearTimeout(timer);
			reject(error);
		});
		child.on('close', (code, signal) => {
			if (timer) clearTimeout(timer);
			if (code === 0) return resolve(out);
			const output = options.logFile ? tail(options.logFile, 40) : `${out}\n${err}`.trim().split('\n').slice(-40).join('\n');
			reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`}):\n${output}`));
		});
	});
}

export function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** Live (non-zombie) members of a process group, read from /proc; undefined where there is no /proc. */
export function groupMembers(pgid: number): number[] | undefined {
	let entries: string[];
	try {
		entries = fs.readdirSync('/proc');
	} catch {
		return undefined;
	}
	const members: number[] = [];
	for (const entry of entries) {
		if (!/^\d+$/.test(entry)) continue;
		let stat: string;
		try {
			stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
		} catch {
			continue;
		}
		// pid (comm) state ppid pgrp ...; comm may contain spaces and parentheses
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		if (Number(fields[2]) === pgid && fields[0] !== 'Z' && fields[0] !== 'X') members.push(Number(entry));
	}
	return members;
}

/** True while a process of the group is alive (zombies, which a non-reaping init may leave behind, do not count). */
export function groupAlive(pgid: number): boolean {
	const members = groupMembers(pgid);
	if (members) return members.length > 0;
	try {
		process.kill(-pgid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** Sends a signal to a whole process group, ignoring "no such process". */
export function signalGroup(pgid: number, signal: NodeJS.Signals): void {
	try {
		process.kill(-pgid, signal);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
	}
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Stops the process group led by `pgid` (n8n and its task runner): SIGTERM
 * (or `signal`), then SIGKILL after `graceMs`; resolves once no process of the group is left.
 */
export async function stopGroup(pgid: number, graceMs = 20_000, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
	if (!groupAlive(pgid)) return;
	signalGroup(pgid, signal);
	const deadline = Date.now() + graceMs;
	while (groupAlive(pgid) && Date.now() < deadline) await sleep(100);
	if (!groupAlive(pgid)) return;
	signalGroup(pgid, 'SIGKILL');
	const hardDeadline = Date.now() + 10_000;
	while (groupAlive(pgid) && Date.now() < hardDeadline) await sleep(100);
	if (groupAlive(pgid)) throw new Error(`Process group ${pgid} survived SIGKILL`);
}
