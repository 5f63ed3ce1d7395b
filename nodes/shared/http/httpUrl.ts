/**
 * `raw` as an http(s) URL, or undefined. A credential URL is checked with
 * this before anything is sent, so a typo becomes a message about the
 * credential instead of a connection error.
 */
export function parseHttpUrl(raw: string): URL | undefined {
	const url = URL.canParse(raw) ? new URL(raw) : undefined;
	return url && (url.protocol === 'https:' || url.protocol === 'http:') ? url : undefined;
}
