/**
 * Privacy policies built to break the policy reader, served by the fixture
 * server for the hostile-text end-to-end test
 * (`tests/e2e/security-hostile-text.e2e.ts`). They are made here rather than
 * kept as files: one holds invalid UTF-8, a 300,000-character line and
 * thousands of nested elements, the other is larger than the reader's cap.
 * The sites' own pages (which link them) are ordinary fixture folders.
 */

/** The site whose policy is hostile text, and the site whose policy is over the size cap. */
export const HOSTILE_POLICY_HOST = 'hostile-policy.test';
export const HUGE_POLICY_HOST = 'huge-policy.test';

/** The address a reader may offer: the only one in the hostile policy without a trick in it. */
export const HOSTILE_REAL_CONTACT = 'privacy@hostile-policy.test';
/** The domain of the bidi-spoofed mailto link (`%E2%80%AE` + a reversed address): it must never be offered. */
export const HOSTILE_SPOOF_DOMAIN = 'spoof-mail.test';
/** The controller the hostile policy names, with the two characters of markup a company name can carry: an ampersand and an apostrophe. */
export const HOSTILE_CONTROLLER = "Mallory & Eve O'Hare Holdings Ltd";
/** Markup the policy holds as text (escaped in its HTML): it must show as these characters, never as elements. */
export const HOSTILE_MARKUP = ['<img src=x onerror=alert(1)>', '<script>alert(2)</script>'] as const;
/** Nested `<div>`s around the end of the hostile policy, past the reader's depth cap. */
export const HOSTILE_NESTING = 4000;
/** Characters of the hostile policy's one long line. */
export const HOSTILE_LINE_CHARS = 300_000;
/** Bytes of the huge policy: over the reader's 2 MiB cap, sent in chunks without a declared length. */
export const HUGE_POLICY_BYTES = 3 * 1024 * 1024;

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The hostile policy, as bytes (it is not valid UTF-8). */
export function hostilePolicy(): Buffer {
  const [img, script] = HOSTILE_MARKUP.map(escape) as [string, string];
  const head = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Privacy policy ${img}</title>
</head>
<body>
<h1>Privacy policy <img src=x onerror="alert('h1')"><script>alert('h1')</script>${img}</h1>
<p>Last updated on 3 March 2026.</p>
<p>${escape(HOSTILE_CONTROLLER)}, 1 Quay Street, Dublin, Ireland, is the controller of the personal data described in this privacy policy. ${script}</p>
<h2>What we collect ${img}</h2>
<p>We collect your name, your email address and your IP address when you use our website.</p>
<h2>Sharing</h2>
<p>We do not sell your personal data ${img} to anyone.</p>
<h2>How long we keep it</h2>
<p>We keep account data ${script} for 2 years after your last visit.</p>
<h2>Your rights <script>alert('rights')</script></h2>
<p>You may ask for access to your data, its rectification or erasure, and you may object to processing.</p>
<p>To exercise your rights, contact our data protection officer at <a href="mailto:%E2%80%AEtset.ycilop-elitsoh@${HOSTILE_SPOOF_DOMAIN}">\u202Etset.ycilop-elitsoh@${HOSTILE_SPOOF_DOMAIN}</a>.</p>
<p>Our data protection officer also reads d\u200Bp\u200Co@hostile-policy\u200D.test and \uFEFFdpo@hostile-policy.test\u2066.</p>
<p>Privacy questions: <a href="mailto:${HOSTILE_REAL_CONTACT}">${HOSTILE_REAL_CONTACT}</a>.</p>
<p>Pri\u200Bvacy is im\u200Dportant to us\u200E; we re\u2060view this po\u00ADlicy every year.</p>
<p>Bytes that are not UTF-8: `;
  const invalid = Buffer.from([0xc3, 0x28, 0x20, 0xff, 0xfe, 0x20, 0xed, 0xa0, 0x80, 0x20, 0xf8, 0x88, 0x80, 0x80, 0x80, 0x20, 0xe2, 0x82]);
  const words = 'We read every line of this policy again and again. ';
  const line = words.repeat(Math.ceil(HOSTILE_LINE_CHARS / words.length)).slice(0, HOSTILE_LINE_CHARS);
  const tail = `.</p>
<p>${line}</p>
${'<div>'.repeat(HOSTILE_NESTING)}Deep inside.${'</div>'.repeat(HOSTILE_NESTING)}
</body>
</html>
`;
  return Buffer.concat([Buffer.from(head, 'utf8'), invalid, Buffer.from(tail, 'utf8')]);
}

/** The huge policy, chunk by chunk: a real policy's opening, then paragraphs until it is over the cap. */
export function* hugePolicy(): Generator<string> {
  const opening = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Privacy policy</title></head>
<body><h1>Privacy policy</h1>
<p>Huge Policy Ltd is the controller. We do not sell your personal data. Write to privacy@huge-policy.test.</p>
`;
  yield opening;
  const paragraph = '<p>We keep your data safe and we explain here, at length, how we process it.</p>\n';
  const chunk = paragraph.repeat(Math.ceil(64 * 1024 / paragraph.length));
  for (let sent = opening.length; sent < HUGE_POLICY_BYTES; sent += chunk.length) yield chunk;
  yield '</body></html>\n';
}
