import { classifyField, type FieldDescription, type FieldMatch } from '../../core/ledger/forms/classify';
import { FIELD_KINDS, type FieldKind } from '../../core/ledger/records';
import type { FormFieldsReport, PageConfig } from '../../core/messaging/protocol';
import { send } from '../messaging/contentClient';
import { inSlices, nextTask } from './nextTask';

/** Scan again at most this often while the page keeps changing. */
const RESCAN_MS = 1000;
const CONTROLS = 'input, select, textarea';
/** Label text beyond this says nothing more. */
const MAX_TEXT = 200;
const getAttribute = Element.prototype.getAttribute;

/** Kinds that make an http: page unsafe on their own: secrets travel in the clear. */
const SECRET: ReadonlySet<FieldKind> = new Set(['password', 'card']);

function attribute(element: Element, name: string): string {
  // Called from the prototype: a form's named controls can shadow its methods.
  return (getAttribute.call(element, name) ?? '').slice(0, MAX_TEXT);
}

/** Visible words of a label, leaving out the controls inside it (a textarea's text is its content). */
function textOf(node: Node, budget = MAX_TEXT): string {
  let text = '';
  const walk = (current: Node): void => {
    for (const child of Array.from(current.childNodes)) {
      if (text.length >= budget) return;
      if (child.nodeType === Node.TEXT_NODE) text += child.nodeValue ?? '';
      else if (child instanceof Element && !child.matches('input, select, textarea, option, script, style, button')) walk(child);
    }
  };
  walk(node);
  return text.replace(/\s+/g, ' ').trim().slice(0, budget);
}

/** What the page says about a control: attributes and label text; never its value. */
export function describeField(element: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement): FieldDescription {
  const labels: string[] = [];
  for (const label of Array.from(element.labels ?? [])) labels.push(textOf(label));
  labels.push(attribute(element, 'aria-label'));
  for (const id of attribute(element, 'aria-labelledby').split(/\s+/).filter(Boolean).slice(0, 5)) {
    const labelledBy = element.ownerDocument.getElementById(id);
    if (labelledBy) labels.push(textOf(labelledBy));
  }
  return {
    tag: element.localName,
    type: attribute(element, 'type').toLowerCase(),
    autocomplete: attribute(element, 'autocomplete'),
    name: attribute(element, 'name'),
    id: attribute(element, 'id'),
    label: labels.filter(Boolean).join(' | ').slice(0, MAX_TEXT * 2),
    placeholder: attribute(element, 'placeholder'),
  };
}

/** Where a form sends what is typed into it: its action (or a submit button's formaction), resolved. */
function submitsOverHttp(form: HTMLFormElement): boolean {
  const targets = [attribute(form, 'action')];
  for (const button of Array.from(form.querySelectorAll('[formaction]'))) targets.push(attribute(button, 'formaction'));
  return targets.some((target) => {
    try {
      return new URL(target || document.baseURI, document.baseURI).protocol === 'http:';
    } catch {
      return false;
    }
  });
}

/** What this page has asked for so far. */
export interface FormScan {
  fields: Map<FieldKind, FieldMatch>;
  insecureSubmit: boolean;
}

/** Adds what one control asks for to `scan`, unless it was seen before. */
function scanControl(element: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, seen: WeakSet<Element>, scan: FormScan): void {
  if (seen.has(element)) return;
  seen.add(element);
  const match = classifyField(describeField(element));
  if (!match) return;
  if (!scan.fields.has(match.kind)) scan.fields.set(match.kind, match);
  if (scan.insecureSubmit) return;
  if (location.protocol === 'https:') scan.insecureSubmit = element.form !== null && submitsOverHttp(element.form);
  else scan.insecureSubmit = location.protocol === 'http:' && SECRET.has(match.kind);
}

const controlsOf = (root: ParentNode) => Array.from(root.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(CONTROLS));

/**
 * Looks at the controls of `root` not seen before, one at a time (a huge page
 * may hold thousands), and adds what they ask for to `scan`.
 * `insecureSubmit`: on an https: page, a form holding a recognised field
 * submits to an http: address; on an http: page, the page asks for a password
 * or a card (the page itself, and anything a script sends, travels in the clear).
 */
export function* scanFields(root: ParentNode, seen: WeakSet<Element>, scan: FormScan): Generator<void, void, void> {
  for (const element of controlsOf(root)) {
    scanControl(element, seen, scan);
    yield;
  }
}

function reportOf(scan: FormScan): FormFieldsReport {
  return { url: location.href, fields: [...scan.fields.values()], insecureSubmit: scan.insecureSubmit };
}

/**
 * Watches this frame's forms once the document is parsed, and later ones
 * (sign-up dialogs, steps of a checkout) as they are added, scanning at most
 * once a second. Reports the kinds asked for, each once per page: a new
 * report only when a new kind appears or a form turns out to submit insecurely.
 */
export function watchFormFields(page: () => Promise<PageConfig | null>): void {
  const scan: FormScan = { fields: new Map(), insecureSubmit: false };
  const seen = new WeakSet<Element>();
  let reported = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let observer: MutationObserver | undefined;

  const run = () => {
    timer = undefined;
    // A huge page may hold thousands of controls: they are read a few milliseconds at a time.
    inSlices(scanFields(document, seen, scan), report);
  };
  const report = () => {
    const key = `${[...scan.fields.keys()].sort().join(',')}|${scan.insecureSubmit}`;
    if (scan.fields.size > 0 && key !== reported) {
      reported = key;
      const facts = reportOf(scan);
      void page()
        .then((config) => (config?.active ? send('ledger.formFields', facts) : stop()))
        .catch(() => stop());
    }
    // Every kind found and flagged: nothing left to learn on this page.
    if (scan.fields.size === FIELD_KINDS.length && scan.insecureSubmit) observer?.disconnect();
  };
  const soon = () => {
    timer ??= setTimeout(run, RESCAN_MS);
  };
  const start = () => {
    run();
    observer = new MutationObserver((records) => {
      if (timer) return;
      if (records.some((record) => Array.from(record.addedNodes).some((node) => node.nodeType === Node.ELEMENT_NODE))) soon();
    });
    observer.observe(document, { childList: true, subtree: true });
  };
  // Paused here, or the background is gone: nothing more to report.
  const stop = () => {
    observer?.disconnect();
    clearTimeout(timer);
  };
  // The fields are looked at first; the background is asked only once there is something to report.
  // In a task of its own, not the one where the banner watch looks at the parsed page: on a huge page each takes time.
  const soonAfterParsing = () => nextTask(start);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', soonAfterParsing, { once: true });
  else soonAfterParsing();
}
