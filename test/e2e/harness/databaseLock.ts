/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-imports -- test code runs under jest on a developer machine, not inside n8n */
/**
 * holdWriteLock(): takes the write lock of an n8n's SQLite database
 * (`BEGIN IMMEDIATE` in a child process of the install's own Node, with the
 * sqlite3 module the install built) until release(). While it is held n8n can
 * read but cannot write: it cannot record an execution. That makes the window
 * between n8n answering a webhook and n8n recording its execution as wide as a
 * test needs, without a timing assumption.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';

import { hostNodeBin } from './paths';
import { cleanEnv } from './proc';
import { databaseFile } from './webhooks';

const LOCK_SCRIPT = `
const [file, sqlite3Module] = process.argv.slice(1);
const sqlite3 = require(sqlite3Module);
const db = new sqlite3.Database(file);
db.exec('BEGIN IMMEDIATE', (error) => {
	if (error) {
		process.stdout.write('error ' + error.message + '\\n');
		process.exit(1);
	}
	process.stdout.write('locked\\n');
	process.stdin.once('data', () => db.exec('ROLLBACK', () => db.close(() => process.exit(0))));
});
`;

export interface DatabaseLock {
	/** Ends the transaction; resolves once the lock holder has exited. */
	release(): Promise<void>;
}

export async function holdWriteLock(userFolder: string, installDir: string): Promise<DatabaseLock> {
	const child = spawn(hostNodeBin(installDir), ['-e', LOCK_SCRIPT, databaseFile(userFolder), path.join(installDir, 'node_modules', 'sqlite3')], {
		env: cleanEnv(),
		stdio: ['pipe', 'pipe', 'inherit'],
	});
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const first = await new Promise<string>((resolve) => {
		child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
		child.once('exit', (code) => resolve(`exited with ${code}`));
	});
	if (first !== 'locked') {
		child.kill('SIGKILL');
		throw new Error(`Could not lock ${databaseFile(userFolder)}: ${first}`);
	}
	return {
		release: async () => {
			child.stdin.end('release\n');
			await exited;
		},
	};
}
