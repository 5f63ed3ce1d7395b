/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- test code runs under jest on a developer machine, not inside n8n */
/**
 * `npm run browser:chromium` (.ci/run calls it before `npm test`): makes sure
 * the Chromium the browser test drives is there, installing Debian's
 * `chromium` with apt-get when this is root. Where it cannot be had it prints
 * one line and exits 0 (the browser test then skips, saying so), except in CI
 * (CI set), where it exits 1.
 */
import { HOW_TO_GET_CHROMIUM, ensureChromium, inCi } from '../browser/chromium';

async function main(): Promise<number> {
	try {
		const chromium = await ensureChromium((line) => console.log(`[browser] ${line}`));
		console.log(`[browser] Chromium: ${chromium}`);
		return 0;
	} catch (error) {
		const reason = (error as Error).message.split('\n')[0];
		if (inCi()) {
			console.error(`[browser] FAILED: no Chromium in CI: ${reason}`);
			return 1;
		}
		console.log(`[browser] SKIPPED: no Chromium (${reason}); the browser test will be skipped: ${HOW_TO_GET_CHROMIUM}`);
		return 0;
	}
}

main().then((code) => process.exit(code));
