import { MAX_JSON_DEPTH, parseJsonBody } from '../../nodes/shared/pipeline/parseJsonBody';

const parse = (body: Buffer | string) => parseJsonBody(typeof body === 'string' ? Buffer.from(body, 'utf8') : body);
const reasonOf = (body: Buffer | string) => {
	const result = parse(body);
	return result.ok ? 'ok' : result.reason;
};

describe('parseJsonBody', () => {
	it('parses a JSON object', () => {
		expect(parse('{"event":"booking.created","data":{"id":"b-1","n":[1,2]}}')).toEqual({
			ok: true,
			payload: { event: 'booking.created', data: { id: 'b-1', n: [1, 2] } },
		});
	});

	it('decodes UTF-8 and \\u escapes', () => {
		expect(parse(Buffer.from('{"a":"caf\u00e9 \u{1f600}","b":"\\u00e9"}', 'utf8'))).toEqual({
			ok: true,
			payload: { a: 'café 😀', b: 'é' },
		});
	});

	it('refuses bytes that are not UTF-8 as not_json', () => {
		expect(reasonOf(Buffer.from([0xff, 0xfe, 0x00, 0x41]))).toBe('not_json');
	});

	it('refuses an invalid UTF-8 byte inside an otherwise valid JSON string (no U+FFFD substitution)', () => {
		const body = Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xff]), Buffer.from('"}')]);
		expect(reasonOf(body)).toBe('not_json');
	});

	it.each(['', 'hello', '{"a":', "{'a':1}", '{"a":1}}', 'undefined'])('refuses %p as not_json', (body) => {
		expect(reasonOf(body)).toBe('not_json');
	});

	it.each(['[]', '[{"event":"x"}]', 'null', '"string"', '42', 'true'])(
		'refuses the top-level %s as invalid_payload',
		(body) => {
			expect(reasonOf(body)).toBe('invalid_payload');
		},
	);

	it('keeps a "__proto__" key as data without polluting prototypes', () => {
		const result = parse('{"__proto__":{"polluted":true},"a":1}');
		expect(result.ok).toBe(true);
		expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
		if (result.ok) expect(Object.keys(result.payload)).toEqual(['__proto__', 'a']);
	});

	it('gives a detail that does not echo the body', () => {
		const result = parse('secret-looking-body');
		expect(result.ok).toBe(false);
		expect((result as { detail: string }).detail).not.toContain('secret-looking-body');
	});

	describe('nesting limit', () => {
		const nested = (depth: number, open = '{"a":', close = '}') => `${open.repeat(depth - 1)}{"x":1}${close.repeat(depth - 1)}`;

		it(`accepts an object nested ${MAX_JSON_DEPTH} levels deep`, () => {
			expect(reasonOf(nested(MAX_JSON_DEPTH))).toBe('ok');
		});

		it('refuses one level more, as an invalid payload (JSON.stringify and n8n could not store 10,000)', () => {
			expect(reasonOf(nested(MAX_JSON_DEPTH + 1))).toBe('invalid_payload');
			expect(reasonOf(`{"a":${'['.repeat(10_000)}${']'.repeat(10_000)}}`)).toBe('invalid_payload');
		});

		it('accepts many brackets side by side, shallow (the walk happens only past the bracket count)', () => {
			const items = Array.from({ length: 500 }, (_, index) => ({ index, tags: [index] }));
			expect(reasonOf(JSON.stringify({ items }))).toBe('ok');
			expect(reasonOf(`{"a":${'['.repeat(MAX_JSON_DEPTH - 1)}${']'.repeat(MAX_JSON_DEPTH - 1)},"b":[[[]]]}`)).toBe('ok');
		});

		it('does not count brackets inside strings, escaped quotes included', () => {
			const brackets = '[{'.repeat(500);
			expect(reasonOf(JSON.stringify({ text: brackets, quoted: `"${brackets}` }))).toBe('ok');
		});
	});
});
