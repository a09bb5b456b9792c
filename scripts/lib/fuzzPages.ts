/**
 * Generated web pages for the "pages do not break" fuzz run: a pure,
 * deterministic function of a seed and a kind, so any page a run reports can
 * be opened again (`/page?seed=N&kind=K` on the fuzz hosts of the fixture
 * server). Pages are hostile on purpose: odd nesting, many languages, consent
 * look-alikes the extension may answer, deep shadow roots, huge documents,
 * pages that never stop changing, personal-data forms, permission calls, and
 * scripts that replace the builtins an extension might borrow.
 *
 * Nothing here runs in a browser; the pages' own scripts are inline strings.
 */

/** The hosts whose `/page` route serves these pages (two sites, so frames and visits can be of another site). */
export const FUZZ_HOSTS = ['fuzz.test', 'fuzz2.test'] as const;

export const FUZZ_KINDS = [
  'dom', // random markup: nesting, tags, attributes, texts in several languages
  'dialog', // a consent-like dialog (fixed, sticky, <dialog>, overlay), sometimes in a shadow root or a srcdoc frame
  'shadow', // open shadow roots nested 50 to 120 deep, text and a dialog at the bottom
  'huge', // 50,000+ elements and megabytes of text
  'mutation', // a page script that adds, removes and changes nodes every frame and in bursts
  'form', // forms asking for personal data, in light DOM, shadow roots and frames
  'permission', // notification, geolocation, camera and clipboard calls, odd arguments included
  'hostile', // page scripts that replace DOM and JS builtins before and after the extension starts
  'reload', // a consent dialog that reloads the page whenever it is answered, and forgets the answer
  'scrolllock', // a consent dialog that locks scrolling and never unlocks it
] as const;
export type FuzzKind = (typeof FUZZ_KINDS)[number];

export const isFuzzKind = (value: string): value is FuzzKind => (FUZZ_KINDS as readonly string[]).includes(value);

/** Marks errors the generated pages throw on purpose, so a collector can tell them from the extension's. */
export const PAGE_THROW_MARK = 'fuzz-page-throw';

/** mulberry32: small, fast, and the same in every engine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Dice {
  constructor(readonly next: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');

/** Ordinary prose, in the languages the extension reads and some it does not. */
const PROSE: readonly string[] = [
  'The harbour lamps came on one by one as the ferry left.',
  'Quarterly results beat expectations across every region.',
  'Hôm nay trời Hà Nội nắng nhẹ, người dân đổ ra hồ Gươm dạo mát.',
  'Giá xăng dầu trong nước được điều chỉnh giảm từ chiều nay.',
  'Thành phố Hồ Chí Minh khởi công tuyến metro số hai.',
  'Die Bahn kündigt neue Verbindungen zwischen Berlin und Prag an.',
  'Le marché aux puces ouvre ses portes dès sept heures.',
  'El ayuntamiento aprobó el nuevo plan de movilidad urbana.',
  'Wiosna przyszła wcześniej niż zwykle w tym roku.',
  'Il treno regionale è in ritardo di venti minuti.',
  '東京では桜の開花が発表されました。',
  'В Москве открылась новая станция метро.',
  'افتتح المتحف الوطني قاعة جديدة للفن الحديث.',
  'שלום עולם, זהו טקסט לבדיקה.',
  'नई दिल्ली में आज बारिश की संभावना है।',
  '🍪🙂 emoji, ZWJ 👩‍👩‍👧 and combining marks: é ñ ̃ ̈',
  'A page that is 18 years old, about an age of wonder.',
  'Privacy matters; read our cookie recipes below.',
  '\u202Eright-to-left override\u202C and a zero\u200Bwidth space',
  'x'.repeat(300),
];

interface Lang {
  lang: string;
  notice: string;
  reject: string;
  accept: string;
  settings: string;
  pay: string;
  login: string;
  age: string;
}

/** Consent dialogs' words, with every kind of button the engine must or must never press. */
const LANGS: readonly Lang[] = [
  { lang: 'en', notice: 'We use cookies and similar technologies to personalise ads and measure traffic. You can consent or refuse. See our privacy policy.', reject: 'Reject all', accept: 'Accept all', settings: 'Cookie settings', pay: 'Subscribe for €2.99 a month', login: 'Log in', age: 'I am 18 or older' },
  { lang: 'vi', notice: 'Chúng tôi sử dụng cookie để cá nhân hóa quảng cáo. Bạn có đồng ý cho phép không? Xem chính sách quyền riêng tư.', reject: 'Từ chối tất cả', accept: 'Đồng ý tất cả', settings: 'Tùy chỉnh cookie', pay: 'Đăng ký trả phí', login: 'Đăng nhập', age: 'Tôi đủ 18 tuổi' },
  { lang: 'de', notice: 'Wir verwenden Cookies. Mit Ihrer Einwilligung verarbeiten wir Daten für Werbung. Datenschutzerklärung.', reject: 'Alle ablehnen', accept: 'Alle akzeptieren', settings: 'Einstellungen', pay: 'Jetzt abonnieren', login: 'Anmelden', age: 'Ich bin volljährig' },
  { lang: 'fr', notice: 'Nous utilisons des cookies pour mesurer l’audience. Votre consentement est demandé. Vie privée.', reject: 'Tout refuser', accept: 'Tout accepter', settings: 'Paramétrer', pay: 'S’abonner', login: 'Se connecter', age: 'J’ai plus de 18 ans' },
  { lang: 'es', notice: 'Usamos cookies propias y de terceros. Acepta o rechaza su uso. Política de privacidad.', reject: 'Rechazar todo', accept: 'Aceptar todo', settings: 'Configurar', pay: 'Suscríbete', login: 'Iniciar sesión', age: 'Soy mayor de edad' },
  { lang: 'pl', notice: 'Używamy plików cookie. Wyrażasz zgodę na przetwarzanie danych? Polityka prywatności.', reject: 'Odrzuć wszystkie', accept: 'Akceptuję', settings: 'Ustawienia', pay: 'Wykup subskrypcję', login: 'Zaloguj się', age: 'Mam 18 lat' },
];

const BLOCK_TAGS = ['div', 'section', 'article', 'aside', 'main', 'header', 'footer', 'nav', 'p', 'blockquote', 'ul', 'ol', 'li', 'details', 'figure', 'table', 'form', 'fieldset', 'span', 'x-widget', 'my-element', 'foo-bar-baz'] as const;
const INLINE_TAGS = ['a', 'b', 'i', 'em', 'strong', 'span', 'code', 'small', 'mark', 'label', 'button', 'abbr', 'time', 'q', 'sub', 'sup'] as const;
const VOID_TAGS = ['br', 'hr', 'img', 'input', 'wbr'] as const;

/** Random attributes, some of them the kind that trip naive readers (aria, roles, styles, odd names). */
function attributes(d: Dice): string {
  const out: string[] = [];
  const n = d.int(0, 4);
  for (let i = 0; i < n; i++) {
    switch (d.int(0, 11)) {
      case 0: out.push(`class="c${d.int(0, 50)} ${d.pick(['cookie-banner', 'modal', 'overlay', 'consent', 'gdpr', 'popup', 'sticky', 'x'])}"`); break;
      case 1: out.push(`id="id${d.int(0, 1e6)}"`); break;
      case 2: out.push(`data-x${d.int(0, 9)}="${escapeAttr(d.pick(PROSE).slice(0, 40))}"`); break;
      case 3: out.push(`role="${d.pick(['dialog', 'alertdialog', 'button', 'region', 'presentation', 'none', 'banner'])}"`); break;
      case 4: out.push(`aria-${d.pick(['modal', 'hidden', 'label', 'live'])}="${d.pick(['true', 'false', 'cookie notice', 'polite'])}"`); break;
      case 5: out.push(`style="${d.pick(['position:fixed;bottom:0;left:0', 'position:sticky;top:0', 'display:none', 'visibility:hidden', 'opacity:0', 'z-index:2147483647', 'transform:scale(0)', 'overflow:hidden;height:0', 'color:red', 'position:absolute;left:-9999px'])}"`); break;
      case 6: out.push('hidden'); break;
      case 7: out.push(`lang="${d.pick(['vi', 'en', 'de', 'ar', 'ja', 'zz-Invalid'])}"`); break;
      case 8: out.push(`dir="${d.pick(['rtl', 'ltr', 'auto'])}"`); break;
      case 9: out.push(`title="${escapeAttr(d.pick(PROSE))}"`); break;
      case 10: out.push(`tabindex="${d.int(-1, 3)}"`); break;
      default: out.push(`x-${d.int(0, 99)}:weird="${d.int(0, 9)}"`); break;
    }
  }
  return out.length ? ` ${out.join(' ')}` : '';
}

/** Random markup within an element budget; `budget.left` counts down. */
function randomDom(d: Dice, depth: number, budget: { left: number }): string {
  let html = '';
  const children = d.int(1, depth > 12 ? 2 : 6);
  for (let i = 0; i < children && budget.left > 0; i++) {
    budget.left--;
    const roll = d.next();
    if (roll < 0.25) html += escapeText(d.pick(PROSE));
    else if (roll < 0.35) html += `<${d.pick(VOID_TAGS)}${attributes(d)}>`;
    else if (roll < 0.55 || depth > 30) html += `<${(() => { const t = d.pick(INLINE_TAGS); return `${t}${attributes(d)}>${escapeText(d.pick(PROSE))}</${t}`; })()}>`;
    else {
      const tag = d.pick(BLOCK_TAGS);
      const inner = tag === 'table' ? `<tr><td>${escapeText(d.pick(PROSE))}</td><td>${d.int(0, 99)}</td></tr>` : randomDom(d, depth + 1, budget);
      html += `<${tag}${attributes(d)}>${inner}</${tag}>`;
    }
  }
  // Now and then, broken markup the parser must repair.
  if (d.chance(0.05)) html += d.pick(['<div><span>unclosed', '</p></div>', '<table><div>misplaced</div>', '<b><i>crossed</b></i>', '<!-- comment -- -->', '<![CDATA[x]]>']);
  return html;
}

export type DialogBox = 'fixed' | 'sticky' | 'dialog' | 'overlay' | 'modal-role';
export type DialogPlace = 'light' | 'shadow' | 'frame';

export interface DialogSpec {
  box: DialogBox;
  place: DialogPlace;
  lang: string;
  buttons: string[];
  /** What answering does to the page. */
  onAnswer: 'hide' | 'reload' | 'nothing';
  lockScroll: boolean;
}

const BUTTON_KINDS = ['reject', 'accept', 'settings', 'pay', 'login', 'age'] as const;

/** A consent-like dialog's markup; its buttons carry `data-fuzz-answer` for the page script. */
function dialogMarkup(d: Dice, spec: DialogSpec): string {
  const words = LANGS.find((l) => l.lang === spec.lang)!;
  const buttons = spec.buttons
    .map((kind) => {
      const tag = d.chance(0.7) ? 'button' : 'a';
      return `<${tag} ${tag === 'a' ? 'href="#" role="button" ' : 'type="button" '}data-fuzz-answer="${kind}">${escapeText(words[kind as keyof Lang])}</${tag}>`;
    })
    .join(' ');
  const style: Record<DialogBox, string> = {
    fixed: 'position:fixed;bottom:0;left:0;right:0;background:#fff;padding:16px;z-index:9999;border-top:1px solid #888',
    sticky: 'position:sticky;top:0;background:#ffd;padding:12px;z-index:99',
    dialog: 'padding:16px',
    overlay: 'position:fixed;inset:0;background:rgba(0,0,0,.6);z-index:10000;display:flex;align-items:center;justify-content:center',
    'modal-role': 'position:fixed;top:20%;left:10%;right:10%;background:#fff;padding:20px;z-index:5000',
  };
  const body = `<p>${escapeText(words.notice)}</p><p>${buttons}</p>`;
  const inner = spec.box === 'overlay' ? `<div style="background:#fff;padding:20px;max-width:600px">${body}</div>` : body;
  if (spec.box === 'dialog') return `<dialog open data-fuzz-dialog lang="${spec.lang}" style="${style.dialog}">${inner}</dialog>`;
  const role = spec.box === 'modal-role' ? ' role="dialog" aria-modal="true"' : '';
  return `<div data-fuzz-dialog lang="${spec.lang}"${role} style="${style[spec.box]}">${inner}</div>`;
}

/**
 * The page script behind a dialog: every answer is counted in sessionStorage,
 * then the dialog goes, or the page reloads (forgetting the answer), or
 * nothing happens. It looks into shadow roots and srcdoc frames for buttons.
 */
function dialogScript(spec: DialogSpec): string {
  return `<script>
(() => {
  const loads = Number(sessionStorage.getItem('fuzz.loads') || 0) + 1;
  sessionStorage.setItem('fuzz.loads', String(loads));
  ${spec.lockScroll ? "document.documentElement.style.overflow = 'hidden'; document.body.style.overflow = 'hidden';" : ''}
  const answer = (kind, box) => {
    sessionStorage.setItem('fuzz.answers', String(Number(sessionStorage.getItem('fuzz.answers') || 0) + 1));
    sessionStorage.setItem('fuzz.lastAnswer', kind);
    ${spec.onAnswer === 'reload' ? 'setTimeout(() => location.reload(), 150);' : ''}
    ${spec.onAnswer === 'nothing' ? '' : "if (box) box.remove();"}
  };
  const wire = (root, box) => {
    for (const b of root.querySelectorAll('[data-fuzz-answer]')) b.addEventListener('click', (e) => { e.preventDefault(); answer(b.dataset.fuzzAnswer, box()); });
  };
  const findBox = (root) => root.querySelector('[data-fuzz-dialog]');
  const hookAll = () => {
    wire(document, () => findBox(document));
    for (const host of document.querySelectorAll('[data-fuzz-host]')) {
      let root = host.shadowRoot; let outer = host;
      while (root) { const r = root; wire(r, () => outer); const next = r.querySelector('[data-fuzz-host]'); root = next && next.shadowRoot; }
    }
    for (const f of document.querySelectorAll('iframe[data-fuzz-frame]')) {
      const hook = () => { try { wire(f.contentDocument, () => f); } catch (e) {} };
      if (f.contentDocument && f.contentDocument.readyState === 'complete') hook(); else f.addEventListener('load', hook);
    }
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', hookAll); else hookAll();
})();
</script>`;
}

/** Wraps markup in `levels` nested open shadow roots, declared in the HTML itself. */
function inShadow(markup: string, levels: number, d: Dice): string {
  let html = markup;
  for (let i = 0; i < levels; i++) {
    const tag = d.pick(['div', 'section', 'x-shell', 'span', 'fuzz-layer']);
    html = `<${tag} data-fuzz-host><template shadowrootmode="open">${i % 7 === 0 ? `<p>${escapeText(d.pick(PROSE))}</p>` : ''}${html}</template></${tag}>`;
  }
  return html;
}

const inFrame = (markup: string, style = 'position:fixed;bottom:0;left:0;width:100%;height:220px;border:0;z-index:9999') =>
  `<iframe data-fuzz-frame style="${style}" srcdoc="${escapeAttr(`<!doctype html><html><body>${markup}</body></html>`)}"></iframe>`;

function randomDialog(d: Dice, overrides: Partial<DialogSpec> = {}): DialogSpec {
  const count = d.int(1, 4);
  const buttons = new Set<string>();
  while (buttons.size < count) buttons.add(d.pick(BUTTON_KINDS));
  return {
    box: d.pick(['fixed', 'sticky', 'dialog', 'overlay', 'modal-role'] as const),
    place: d.pick(['light', 'light', 'shadow', 'frame'] as const),
    lang: d.pick(LANGS).lang,
    buttons: [...buttons],
    onAnswer: d.pick(['hide', 'hide', 'nothing'] as const),
    lockScroll: d.chance(0.3),
    ...overrides,
  };
}

function placeDialog(d: Dice, spec: DialogSpec): string {
  const markup = dialogMarkup(d, spec);
  if (spec.place === 'shadow') return inShadow(markup, d.int(1, 4), d);
  if (spec.place === 'frame') return inFrame(markup);
  return markup;
}

const FIELDS: readonly string[] = [
  '<label>Full name <input name="fullname" autocomplete="name"></label>',
  '<label>Email <input type="email" name="email"></label>',
  '<label>Số điện thoại <input type="tel" name="sdt"></label>',
  '<label>Họ và tên <input name="hoten"></label>',
  '<label>Số CCCD <input name="cccd"></label>',
  '<label>Ngày sinh <input type="date" name="ngaysinh"></label>',
  '<label>Geburtsdatum <input name="geburtsdatum"></label>',
  '<label>Adresse <input name="adresse" autocomplete="street-address"></label>',
  '<label>Password <input type="password" name="pw"></label>',
  '<label>Card number <input name="cc" autocomplete="cc-number"></label>',
  '<label>IBAN <input name="iban"></label>',
  '<input placeholder="Your email" name="e">',
  '<select name="gender"><option>Nam</option><option>Nữ</option></select>',
  '<textarea name="bio" aria-label="About you"></textarea>',
  '<input type="hidden" name="csrf" value="x">',
  '<input type="file" name="id-scan">',
  '<input name="" aria-labelledby="nowhere">',
];

function formMarkup(d: Dice): string {
  const fields = Array.from({ length: d.int(1, 12) }, () => d.pick(FIELDS)).join('<br>');
  const action = d.pick(['', ' action="http://fuzz2.test/submit"', ' action="javascript:void 0"', ' action="/submit" method="post"']);
  return `<form${action}>${fields}<button>Send</button></form>`;
}

/** Permission calls with ordinary and odd arguments; failures are the page's to catch. */
const PERMISSION_CALLS: readonly string[] = [
  "Notification.requestPermission().then(() => {}, () => {});",
  "Notification.requestPermission((r) => { window.__fuzzPerm = r; });",
  "try { Notification.requestPermission(null); } catch (e) {}",
  "navigator.geolocation.getCurrentPosition(() => {}, () => {});",
  "navigator.geolocation.getCurrentPosition(() => {}, () => {}, { timeout: 0, maximumAge: Infinity });",
  "try { navigator.geolocation.getCurrentPosition(); } catch (e) {}",
  "try { navigator.geolocation.getCurrentPosition({}); } catch (e) {}",
  "const id = navigator.geolocation.watchPosition(() => {}, () => {}); setTimeout(() => navigator.geolocation.clearWatch(id), 100);",
  "navigator.mediaDevices && navigator.mediaDevices.getUserMedia({ audio: true }).then((s) => s.getTracks().forEach((t) => t.stop()), () => {});",
  "navigator.mediaDevices && navigator.mediaDevices.getUserMedia({ video: { width: 99999 } }).then((s) => s.getTracks().forEach((t) => t.stop()), () => {});",
  "navigator.mediaDevices && navigator.mediaDevices.getUserMedia().then(() => {}, () => {});",
  "navigator.clipboard && navigator.clipboard.readText().then(() => {}, () => {});",
  "navigator.permissions.query({ name: 'geolocation' }).then(() => {}, () => {});",
  `navigator.geolocation.getCurrentPosition(() => { throw new Error('${PAGE_THROW_MARK}: success callback'); }, () => { throw new Error('${PAGE_THROW_MARK}: error callback'); });`,
  `Notification.requestPermission(() => { throw new Error('${PAGE_THROW_MARK}: notification callback'); });`,
  "for (let i = 0; i < 50; i++) Notification.requestPermission().catch(() => {});",
];

/**
 * Replaces builtins the extension's scripts might use: in the page's main
 * world these are the page's to change, and the extension's main-world code
 * must cope; its isolated world never sees them.
 */
const HOSTILE_SCRIPTS: readonly string[] = [
  "Element.prototype.querySelector = function () { return null; }; Element.prototype.querySelectorAll = function () { return []; }; Document.prototype.querySelector = function () { return null; };",
  `document.dispatchEvent = function () { throw new Error('${PAGE_THROW_MARK}: dispatchEvent'); }; EventTarget.prototype.dispatchEvent = function () { return false; };`,
  "window.CustomEvent = function () { return {}; };",
  "window.MutationObserver = function () { return { observe() {}, disconnect() {}, takeRecords() { return []; } }; };",
  "window.JSON = { parse() { return 42; }, stringify() { return '{\"hijacked\":true}'; } };",
  "window.Promise = function () { return { then() { return this; }, catch() { return this; } }; }; window.Promise.resolve = (v) => v;",
  "Object.defineProperty(Object.prototype, 'then', { get() { return undefined; }, configurable: true }); Object.prototype.__fuzzPolluted = true; Array.prototype.includes = function () { return true; };",
  "window.addEventListener = function () {}; EventTarget.prototype.addEventListener = function () {};",
  "Function.prototype.call = function () { return undefined; }; Function.prototype.apply = function () { return undefined; };",
  "window.setTimeout = function () { return 0; }; window.requestAnimationFrame = function () { return 0; };",
  "Object.freeze(Notification); Object.defineProperty(navigator, 'geolocation', { get() { return { getCurrentPosition() { throw new Error('hijacked'); } }; } });",
  "window.postMessage = function () {}; window.Symbol = undefined; window.Reflect = undefined;",
  "Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get() { return false; }, configurable: false });",
  "String.prototype.toLowerCase = function () { return 'cookie consent'; }; String.prototype.includes = function () { return true; };",
  "Node.prototype.appendChild = function (n) { return n; }; Element.prototype.attachShadow = function () { throw new Error('no shadow'); };",
  "window.getComputedStyle = function () { return {}; };",
];

/** The mutation engine: for `runMs`, every frame and in tight bursts, adds, removes and changes nodes, attributes, texts and shadow roots. */
function mutationScript(d: Dice): string {
  const runMs = d.int(400, 1500);
  const perFrame = d.int(5, 60);
  const burst = d.int(100, 1000);
  const words = JSON.stringify([...PROSE.slice(0, 12), ...LANGS.map((l) => l.notice)]);
  return `<script>
(() => {
  let s = ${d.int(1, 1e9)};
  const rnd = () => { s = (s * 1103515245 + 12345) & 0x7fffffff; return s / 0x7fffffff; };
  const words = ${words};
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const tags = ['div', 'span', 'p', 'section', 'button', 'dialog', 'x-mut', 'a', 'input', 'iframe'];
  const pool = [document.body];
  const step = () => {
    const r = rnd();
    const target = pick(pool);
    if (!target || !target.isConnected) return;
    if (r < 0.35 && pool.length < 3000) {
      const el = document.createElement(pick(tags));
      if (el.localName === 'iframe') el.srcdoc = '<p>' + pick(words) + '</p>';
      else el.textContent = pick(words);
      if (rnd() < 0.2) el.setAttribute('style', pick(['position:fixed;bottom:0', 'position:sticky;top:0', 'display:none', 'z-index:99999;position:fixed;inset:0']));
      if (rnd() < 0.1 && el.attachShadow && el.localName !== 'input' && el.localName !== 'iframe' && el.localName !== 'button' && el.localName !== 'a' && el.localName !== 'dialog') {
        try { el.attachShadow({ mode: 'open' }).innerHTML = '<p>' + pick(words) + '</p><slot></slot>'; } catch (e) {}
      }
      if (el.localName === 'dialog' && rnd() < 0.5) el.setAttribute('open', '');
      target.appendChild(el);
      pool.push(el);
    } else if (r < 0.55 && pool.length > 1) {
      const i = 1 + Math.floor(rnd() * (pool.length - 1));
      pool[i].remove();
      pool.splice(i, 1);
    } else if (r < 0.75) {
      target.setAttribute(pick(['class', 'style', 'data-x', 'role', 'aria-modal', 'hidden', 'lang']), pick(['cookie-banner', 'position:fixed', 'dialog', 'true', '', 'vi']));
    } else if (r < 0.9) {
      if (target !== document.body) target.textContent = pick(words);
    } else {
      document.documentElement.style.overflow = rnd() < 0.5 ? 'hidden' : '';
    }
  };
  const started = performance.now();
  const frame = () => {
    for (let i = 0; i < ${perFrame}; i++) step();
    if (performance.now() - started < ${runMs}) requestAnimationFrame(frame); else window.__fuzzMutationsDone = true;
  };
  requestAnimationFrame(frame);
  setTimeout(() => { for (let i = 0; i < ${burst}; i++) step(); }, ${d.int(0, 300)});
  setTimeout(() => { for (let i = 0; i < ${burst}; i++) step(); }, ${d.int(300, 800)});
  let n = 0;
  const micro = () => { if (n++ < 200) { step(); Promise.resolve().then(micro); } };
  micro();
})();
</script>`;
}

/** A huge document: `elements` elements and about `textBytes` of text, in plain paragraphs, lists and tables. */
function hugeMarkup(d: Dice, elements: number, textBytes: number): string {
  const parts: string[] = [];
  const perElement = Math.max(1, Math.floor(textBytes / elements));
  let made = 0;
  while (made < elements) {
    const text = d.pick(PROSE);
    const filler = text.repeat(Math.ceil(perElement / text.length)).slice(0, perElement);
    switch (made % 4) {
      case 0: parts.push(`<p class="p${made % 13}">${escapeText(filler)}</p>`); made += 1; break;
      case 1: parts.push(`<ul><li>${escapeText(filler)}</li><li>${made}</li></ul>`); made += 3; break;
      case 2: parts.push(`<div><span>${escapeText(filler)}</span><a href="#a${made}">${made}</a></div>`); made += 3; break;
      default: parts.push(`<table><tr><td>${escapeText(filler)}</td><td>${made}</td></tr></table>`); made += 5; break;
    }
  }
  return parts.join('\n');
}

export interface FuzzPage {
  html: string;
  /** What the page holds, for reports. */
  kind: FuzzKind;
  dialog: DialogSpec | null;
}

/**
 * The page for a seed and kind. The same arguments give the same bytes.
 * `huge` pages are large (megabytes); every other kind stays small unless
 * the seed says otherwise.
 */
export function fuzzPage(seed: number, kind: FuzzKind, options: { framed?: boolean } = {}): FuzzPage {
  const d = new Dice(prng(seed * 31 + FUZZ_KINDS.indexOf(kind)));
  const lang = d.pick(['en', 'vi', 'de', 'fr', 'es', 'pl', 'ja', 'ar']);
  const head: string[] = [`<meta charset="utf-8"><title>fuzz ${kind} ${seed}</title>`];
  const body: string[] = [];
  let dialog: DialogSpec | null = null;
  const budget = { left: d.int(20, 300) };
  body.push(randomDom(d, 0, budget));

  switch (kind) {
    case 'dom':
      if (d.chance(0.3)) body.push(randomDom(d, 0, { left: d.int(200, 1500) }));
      break;
    case 'dialog':
      dialog = randomDialog(d);
      break;
    case 'shadow': {
      const levels = d.int(50, 120);
      const bottom = d.chance(0.5) ? dialogMarkup(d, (dialog = randomDialog(d, { place: 'shadow' }))) : `<p>${escapeText(d.pick(PROSE))}</p>${formMarkup(d)}`;
      body.push(inShadow(bottom, levels, d));
      if (d.chance(0.3)) body.push(inShadow(randomDom(d, 0, { left: 50 }), d.int(5, 30), d));
      break;
    }
    case 'huge':
      body.push(hugeMarkup(d, d.int(50_000, 70_000), d.int(2_000_000, 4_000_000)));
      if (d.chance(0.5)) dialog = randomDialog(d, { place: 'light' });
      break;
    case 'mutation':
      body.push(mutationScript(d));
      if (d.chance(0.4)) dialog = randomDialog(d);
      break;
    case 'form': {
      const n = d.int(1, 4);
      for (let i = 0; i < n; i++) {
        const form = formMarkup(d);
        const where = d.int(0, 2);
        body.push(where === 0 ? form : where === 1 ? inShadow(form, d.int(1, 5), d) : inFrame(form, 'width:400px;height:300px'));
      }
      if (d.chance(0.3)) body.push(`<script>setTimeout(() => { const f = document.createElement('div'); f.innerHTML = ${JSON.stringify(formMarkup(d))}; document.body.appendChild(f); }, ${d.int(0, 1500)});</script>`);
      break;
    }
    case 'permission': {
      const calls = Array.from({ length: d.int(1, 5) }, () => d.pick(PERMISSION_CALLS));
      const when = d.pick(['now', 'load', 'later']);
      const code = calls.map((c) => `try { ${c} } catch (e) {}`).join('\n');
      body.push(`<script>${when === 'now' ? code : when === 'load' ? `addEventListener('load', () => { ${code} });` : `setTimeout(() => { ${code} }, ${d.int(10, 800)});`}</script>`);
      break;
    }
    case 'hostile': {
      const scripts = Array.from({ length: d.int(1, 5) }, () => d.pick(HOSTILE_SCRIPTS));
      // Early in <head> (before most of the extension's work) and late (after the permission watcher and GPC are in place).
      head.push(`<script>${scripts.map((s) => `try { ${s} } catch (e) {}`).join('\n')}</script>`);
      if (d.chance(0.5)) body.push(`<script>setTimeout(() => { ${d.pick(HOSTILE_SCRIPTS)} }, ${d.int(0, 500)});</script>`);
      body.push(`<script>try { ${d.pick(PERMISSION_CALLS)} } catch (e) {}</script>`);
      if (d.chance(0.6)) dialog = randomDialog(d, { place: d.pick(['light', 'shadow'] as const) });
      break;
    }
    case 'reload':
      dialog = randomDialog(d, { buttons: ['accept', 'reject', 'settings'], onAnswer: 'reload', place: d.pick(['light', 'light', 'shadow'] as const), box: d.pick(['fixed', 'overlay', 'modal-role'] as const), lockScroll: false });
      break;
    case 'scrolllock':
      dialog = randomDialog(d, { buttons: ['accept', 'reject'], onAnswer: 'hide', place: 'light', box: d.pick(['fixed', 'overlay', 'modal-role', 'dialog'] as const), lockScroll: true });
      // Tall before the random part, which may swallow what follows it into a hidden element.
      body.unshift(`<div style="height:3000px">${escapeText(d.pick(PROSE))}</div>`);
      break;
  }
  if (dialog) {
    // The guard pages put their dialog first, so broken markup in the random part cannot hide it inside a hidden element.
    const guard = kind === 'reload' || kind === 'scrolllock';
    if (guard) body.unshift(placeDialog(d, dialog));
    else body.push(placeDialog(d, dialog));
    body.push(dialogScript(dialog));
  }
  // Drawn last, so that every other part of a page is the same with or without its frames.
  if (!options.framed && kind !== 'reload' && kind !== 'scrolllock' && d.chance(CROSS_SITE_FRAME_CHANCE)) body.push(...crossSiteFrames(d, seed));
  return {
    kind,
    dialog,
    html: `<!doctype html>\n<html lang="${lang}"><head>${head.join('')}</head><body>${body.join('\n')}</body></html>`,
  };
}

/** How often a page (not itself in a frame, nor a guard page) embeds pages of the other fuzz site. */
const CROSS_SITE_FRAME_CHANCE = 0.2;

/** Where a page's frames of the other fuzz site point: the route puts that site's origin here (`withOtherOrigin`). */
export const OTHER_ORIGIN_MARK = '{{fuzz-other-origin}}';

/** The kinds a frame of the other site holds: the ones that give the extension work to do in a frame. */
const FRAMED_KINDS: readonly FuzzKind[] = ['dialog', 'form', 'mutation', 'hostile', 'shadow', 'permission', 'dom'];

/**
 * One to three frames of the other fuzz site, each a generated page of its own
 * (`framed=1`: it embeds no further ones). Out of process in Chromium, so the
 * extension's scripts run there in another renderer, for a frame whose site is
 * not the tab's. Some are placed like a banner, some inline; some may ask for
 * permissions, some may not.
 */
function crossSiteFrames(d: Dice, seed: number): string[] {
  return Array.from({ length: d.int(1, 3) }, (_, i) => {
    const kind = d.pick(FRAMED_KINDS);
    const style = d.pick(['position:fixed;bottom:0;left:0;width:100%;height:240px;border:0;z-index:9999', 'width:420px;height:320px', 'width:1px;height:1px;border:0']);
    const allow = d.chance(0.5) ? ' allow="geolocation; camera; microphone; clipboard-read"' : '';
    return `<iframe data-fuzz-cross-site style="${style}"${allow} src="${OTHER_ORIGIN_MARK}/page?seed=${seed * 10 + i}&amp;kind=${kind}&amp;framed=1"></iframe>`;
  });
}

/** The other of the two fuzz sites. */
export const otherFuzzHost = (host: string): string => (host === FUZZ_HOSTS[0] ? FUZZ_HOSTS[1] : FUZZ_HOSTS[0]);

/** A generated page as served at `origin`'s host: its frames of the other site point at that site, same scheme and port. */
export function withOtherOrigin(html: string, origin: URL): string {
  const other = `${origin.protocol}//${otherFuzzHost(origin.hostname)}${origin.port ? `:${origin.port}` : ''}`;
  return html.split(OTHER_ORIGIN_MARK).join(other);
}

/** The kind a run gives a page number: mostly small pages, few huge ones (1 in 400). */
export function kindOfRunPage(index: number): FuzzKind {
  if (index % 400 === 399) return 'huge';
  const small = FUZZ_KINDS.filter((k) => k !== 'huge' && k !== 'reload' && k !== 'scrolllock');
  return small[index % small.length]!;
}

/**
 * How long a page is left to the extension once loaded. Every fourth page
 * with a dialog (and every huge page) stays long enough for the consent
 * engine's own heuristic, which looks 2.5 s after the engine starts; the
 * rest leave sooner, so that many pages are left while the extension is
 * still at work on them, which is a test of its own.
 */
export function dwellMs(seed: number, kind: FuzzKind): number {
  if (kind === 'huge') return 3000;
  if (fuzzPage(seed, kind).dialog) return seed % 4 === 0 ? 3000 : 400;
  if (kind === 'mutation') return 800;
  return 150;
}

/** Most pages on one site, every fifth on another, so the extension sees more than one site at once. */
export const runPageHost = (index: number): string => FUZZ_HOSTS[index % 5 === 4 ? 1 : 0];
