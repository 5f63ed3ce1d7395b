/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code runs under jest on a developer machine, not inside n8n */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ROOT } from '../support/providers';

/**
 * The editor's documentation links (credentials' documentationUrl, the
 * codex files' resources) open a section of the README on GitHub, and the
 * README and CONTRIBUTING.md link to each other's sections: each link must
 * land on a heading, or a reader gets the top of the page and no error.
 */
const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const REPOSITORY_PAGE = String(packageJson.homepage).replace(/#.*$/, '');
const DOCUMENTS = ['README.md', 'CONTRIBUTING.md'];

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
function anchorsOf(markdown: string): Set<string> {
	const anchors = new Set<string>();
	const seen = new Map<string, number>();
	let inFence = false;
	for (const line of markdown.split('\n')) {
		if (line.startsWith('```')) inFence = !inFence;
		const heading = !inFence && /^#{1,6} +(.+?) *$/.exec(line);
		if (!heading) continue;
		const slug = heading[1]
			.toLowerCase()
			.replace(/[^\p{L}\p{N} _-]/gu, '')
			.replace(/ /g, '-');
		const count = seen.get(slug) ?? 0;
		seen.set(slug, count + 1);
		anchors.add(count === 0 ? slug : `${slug}-${count}`);
	}
	return anchors;
}

function read(file: string): string {
	return readFileSync(join(ROOT, file), 'utf8');
}

function filesUnder(dir: string, suffix: string): string[] {
	return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
		.filter((path) => path.endsWith(suffix))
		.map((path) => join(dir, path));
}

/** Every `<repository page>#anchor` a node or credential shows in the editor, with the file it is in. */
function editorLinks(): Array<[string, string]> {
	const pattern = new RegExp(`${REPOSITORY_PAGE.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}#([\\w-]+)`, 'g');
	return [...filesUnder('credentials', '.credentials.ts'), ...filesUnder('nodes', '.node.json')].flatMap((file) =>
		[...read(file).matchAll(pattern)].map((match): [string, string] => [file, match[1]]),
	);
}

it('finds the editor links to check', () => {
	expect(editorLinks().length).toBeGreaterThanOrEqual(6);
});

it.each(editorLinks())('%s links to README heading #%s', (_file, anchor) => {
	expect([...anchorsOf(read('README.md'))]).toContain(anchor);
});

describe.each(DOCUMENTS)('%s', (document) => {
	const links = [...read(document).matchAll(/\]\(([^)\s]+)\)/g)]
		.map((match) => match[1])
		.filter((target) => !/^[a-z]+:/.test(target));

	it.each(links)('links to %s, which exists', (target) => {
		const [file, anchor] = target.split('#');
		const linked = file === '' ? document : file;
		expect(existsSync(join(ROOT, linked))).toBe(true);
		if (anchor !== undefined) expect([...anchorsOf(read(linked))]).toContain(anchor);
	});
});
