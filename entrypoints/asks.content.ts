import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchPermissionPrompts } from '../platform/content/permissionPrompts';

// In the page's own world, before its first script: notes the permission
// prompts it raises and their answers, for the content script to relay.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_start',
  world: 'MAIN',
  main: () => watchPermissionPrompts(),
});
