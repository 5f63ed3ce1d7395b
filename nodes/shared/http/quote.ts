/** How much of a provider's text a message may quote: enough to recognise it, short enough to read. */
export const MAX_QUOTE = 200;

export function shorten(text: string): string {
	return text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE)}…` : text;
}

export function quote(text: string): string {
	return `"${shorten(text)}"`;
}
