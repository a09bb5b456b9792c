/** A mailto link's parts, as the tests of the composer compare them (line ends of the body as `\n`). */
export function mailtoParts(href: string): { protocol: string; to: string; hash: string; keys: string[]; subject: string | null; body: string | null } {
  const url = new URL(href);
  return {
    protocol: url.protocol,
    to: decodeURIComponent(url.pathname),
    hash: url.hash,
    keys: [...url.searchParams.keys()].sort(),
    subject: url.searchParams.get('subject'),
    body: url.searchParams.get('body')?.replace(/\r\n/g, '\n') ?? null,
  };
}
