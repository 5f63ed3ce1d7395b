/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code runs under jest on a developer machine, not inside n8n */
/**
 * Screenshots of the browser test: written on every run to a scratch folder
 * (printed at the end), and copied to docs/ (the README shows them) only with
 * UPDATE_SCREENSHOTS=1, so that a run never changes the tree by itself.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { Locator, Page } from 'playwright-core';

import { REPO_ROOT, SCRATCH_ROOT } from '../e2e/harness/paths';

export const SCREENSHOT_DIR = path.join(SCRATCH_ROOT, 'screenshots');
export const DOCS_DIR = path.join(REPO_ROOT, 'docs');

const taken: string[] = [];

/** Saves a PNG of `target` (a locator is cropped to its box) as `<name>.png`. */
export async function screenshot(target: Page | Locator, name: string): Promise<string> {
	fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
	const file = path.join(SCREENSHOT_DIR, `${name}.png`);
	// Toasts ("Node executed successfully") and hover tooltips would cover parts of the panel.
	const hidden = '.el-notification, [role="tooltip"] { display: none !important; }';
	await target.screenshot({ path: file, animations: 'disabled', caret: 'hide', style: hidden });
	taken.push(file);
	return file;
}

/** With UPDATE_SCREENSHOTS=1, copies this run's screenshots to docs/; returns what was copied. */
export function publishScreenshots(): string[] {
	if (process.env.UPDATE_SCREENSHOTS !== '1') return [];
	fs.mkdirSync(DOCS_DIR, { recursive: true });
	return taken.map((file) => {
		const target = path.join(DOCS_DIR, path.basename(file));
		fs.copyFileSync(file, target);
		return target;
	});
}
