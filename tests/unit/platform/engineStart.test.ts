// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import lib from '../../../entrypoints/autoconsent-lib';
import engine from '../../../entrypoints/consent-engine';
import { offerToEngine } from '../../../platform/content/handoff';

type Envelope = { channel: string; type: string; payload: { message?: { type?: string } } };

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the injected consent engine', () => {
  it('starts in the task after its own: the injection compiles and sets up the bundle, nothing more', async () => {
    const sent: Envelope[] = [];
    // The background is not there: every message is refused, and the engine leaves the page alone.
    vi.stubGlobal('browser', undefined);
    vi.stubGlobal('chrome', { runtime: { sendMessage: async (envelope: Envelope) => (sent.push(envelope), { ok: false, error: 'test' }) } });
    const release = vi.fn();
    offerToEngine({ page: async () => null, prehide: { release } });

    // autoconsent's own script first, as the background injects them.
    lib.main!();
    engine.main!();
    expect(sent).toEqual([]);

    await new Promise((resolve) => setTimeout(resolve, 0));
    // Then autoconsent asks the background for its rules and settings.
    await vi.waitFor(() => expect(sent.map((e) => [e.type, e.payload.message?.type])).toContainEqual(['consent.ac', 'init']));
    expect(new Set(sent.map((e) => e.type))).toEqual(new Set(['consent.ac']));
    // Refused, so the prehide is given back.
    await vi.waitFor(() => expect(release).toHaveBeenCalled());
  });

  it('without autoconsent in the frame, gives the prehide back and asks nothing', async () => {
    const sent: Envelope[] = [];
    vi.stubGlobal('browser', undefined);
    vi.stubGlobal('chrome', { runtime: { sendMessage: async (envelope: Envelope) => (sent.push(envelope), { ok: false, error: 'test' }) } });
    delete (globalThis as Record<symbol, unknown>)[Symbol.for('privacy-ledger.autoconsent')];
    const release = vi.fn();
    offerToEngine({ page: async () => null, prehide: { release } });

    engine.main!();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await vi.waitFor(() => expect(release).toHaveBeenCalled());
    expect(sent).toEqual([]);
  });
});
