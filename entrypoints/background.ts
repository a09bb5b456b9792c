import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../platform/background';

export default defineBackground(() => startBackground());
