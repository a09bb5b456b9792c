import type { HandlerModule } from '../messaging/router';

/** What content scripts saw a page ask for: form fields and permission prompts. */
export const observeHandlers: HandlerModule = {
  content: {},
};
