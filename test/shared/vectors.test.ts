/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-imports -- test code runs under jest on a developer machine, not inside n8n */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

import { bodyOf, FIXTURE_DIR, loadVectors, type SignatureVector } from './vectors';

const vectors = loadVectors();
const byName = new Map(vectors.map((vector) => [vector.name, vector]));

function vector(name: string): SignatureVector {
	const found = byName.get(name);
	if (!found) throw new Error(`No vector named ${name}`);
	return found;
}

function toolsAvailable(): boolean {
	try {
		execFileSync('bash', ['-c', 'command -v openssl && command -v xxd'], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
}

describe('signature vectors fixture', () => {
	it('has unique names and the fields every vector needs', () => {
		expect(vectors.length).toBeGreaterThanOrEqual(40);
		expect(byName.size).toBe(vectors.length);
		for (const v of vectors) {
			expect(typeof v.secret).toBe('string');
			expect(v.secret).not.toBe('');
			expect(typeof v.bodyBase64).toBe('string');
			expect(typeof v.signatureHex).toBe('string');
			expect(v.header.endsWith(v.signatureHex)).toBe(true);
			expect(['required', 'optional', 'forbidden']).toContain(v.encoding.prefixPolicy);
		}
	});

	it('covers every case the brief asks for', () => {
		const expected = (name: string) => vector(name).expected;
		expect(expected('rishi/booking.created-spec-example')).toBe('accepted');
		expect(expected('rishi/staff.assigned-spec-example')).toBe('accepted');
		expect(expected('churn-saver/test_payload-as-cat-prints-it')).toBe('accepted');
		expect(expected('merajutasa/milestone-prefixed')).toBe('accepted');
		expect(expected('merajutasa/milestone-bare-hex')).toBe('accepted');
		expect(expected('faithflow/member.updated-python-example')).toBe('accepted');
		expect(expected('faithflow/test-event-python-script')).toBe('accepted');
		expect(expected('generic/rotation-signed-with-previous')).toBe('accepted');
		expect(expected('generic/wrong-secret')).toBe('signature_mismatch');
		expect(expected('generic/flipped-body-byte')).toBe('signature_mismatch');
		expect(expected('generic/truncated-63')).toBe('malformed_signature');
		expect(expected('generic/uppercase-hex-bare')).toBe('accepted');
		expect(expected('generic/empty-body')).toBe('accepted');
		expect(expected('generic/non-utf8-body')).toBe('accepted');
		expect(expected('generic/json-as-sent')).toBe('accepted');
	});

	it('stores the spec bodies byte for byte', () => {
		// cat test_payload.json prints the heredoc with its final newline; the recipe sends it without.
		const asCatPrints = bodyOf(vector('churn-saver/test_payload-as-cat-prints-it'));
		const asSent = bodyOf(vector('churn-saver/curl-recipe-as-sent'));
		expect(asCatPrints.subarray(-2).toString('hex')).toBe('7d0a');
		expect(Buffer.concat([asSent, Buffer.from('\n')]).equals(asCatPrints)).toBe(true);
		expect(bodyOf(vector('generic/non-utf8-body')).toString('hex')).toBe('fffe0041');
		expect(bodyOf(vector('generic/empty-body')).length).toBe(0);
		expect(bodyOf(vector('faithflow/member.updated-python-example')).toString('utf8')).toBe(
			'{"event_type":"member.updated","church_id":"3880a17d-f858-4622-87c2-96eaa7b25c83","member_id":"8655d76b-9be0-4681-bd2c-35cd5e09a809","timestamp":"2025-11-20T01:40:00Z"}',
		);
		expect(bodyOf(vector('rishi/staff.assigned-spec-example')).toString('utf8')).toContain('"hourlyRate": 25.00\n');
		const asSentJson = bodyOf(vector('generic/json-as-sent'));
		expect(JSON.stringify(JSON.parse(asSentJson.toString('utf8')))).not.toBe(asSentJson.toString('utf8'));
	});

	const maybe = toolsAvailable() ? it : it.skip;
	maybe('is exactly what generate.sh prints (no hand edits)', () => {
		const output = execFileSync('bash', [join(FIXTURE_DIR, 'generate.sh')], { encoding: 'utf8' });
		const regenerated = (JSON.parse(output) as { vectors: SignatureVector[] }).vectors;
		expect(regenerated).toEqual(vectors);
	});
});
