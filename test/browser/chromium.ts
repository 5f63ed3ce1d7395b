/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code runs under jest on a developer machine, not inside n8n */
/**
 * The Chromium the browser test drives: the machine's own (Debian's
 * `chromium`), never a download of Playwright's, so that playwright-core is
 * the only thing npm brings. Found at CHROMIUM_PATH, else at the places Debian
 * and others put it; installed with `apt-get install chromium` when missing,
 * where this process is root (CI).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { aptInstall } from '../e2e/harness/services';

/** Debian's real binary first: /usr/bin/chromium is a shell wrapper that adds flags of its own. */
const CANDIDATES = [
	'/usr/lib/chromium/chromium',
	'/usr/bin/chromium',
	'/usr/bin/chromium-browser',
	'/usr/bin/google-chrome-stable',
	'/usr/bin/google-chrome',
];

function executable(file: string): boolean {
	try {
		fs.accessSync(file, fs.constants.X_OK);
		return fs.statSync(file).isFile();
	} catch {
		return false;
	}
}

/** The Chromium binary, or undefined. Synchronous: the test file decides at collection time whether it runs. */
export function findChromium(): string | undefined {
	const configured = process.env.CHROMIUM_PATH;
	if (configured) return executable(configured) ? configured : undefined;
	return CANDIDATES.find(executable);
}

/** Where CI runs (the variable CI is set and not "false"): there a missing Chromium fails the run instead of skipping it. */
export function inCi(): boolean {
	const ci = process.env.CI;
	return ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0';
}

/** The Chromium binary, installed with apt-get first when it is missing; throws why it cannot be had. */
export async function ensureChromium(log: (line: string) => void): Promise<string> {
	const found = findChromium();
	if (found) return found;
	if (process.env.CHROMIUM_PATH) throw new Error(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} is not an executable file`);
	await aptInstall(['chromium'], log);
	const installed = findChromium();
	if (!installed) throw new Error(`apt-get installed chromium but none of ${CANDIDATES.map((file) => path.basename(file)).join(', ')} is there`);
	return installed;
}

/** How to get Chromium, for the skip line. */
export const HOW_TO_GET_CHROMIUM = 'install it (`sudo apt-get install chromium`, or `npm run browser:chromium` as root) or set CHROMIUM_PATH';
