// Typing, resizing and the visitor's colour scheme in every engine the suite runs in
// (scripts/wtr-engines.mjs implements them for Chromium, Firefox and WebKit).
import { executeServerCommand } from '@web/test-runner-commands';

declare global {
  interface Window {
    __ENGINE__: 'chromium' | 'firefox' | 'webkit';
  }
}

/** The engine this run drives (web-test-runner.config.mjs). */
export const ENGINE = window.__ENGINE__;

/** `sequence`: key names or characters pressed in one command, so they come as one burst of typing however busy the machine. */
type Keys = { type: string } | { sequence: string[] } | { press: string } | { down: string } | { up: string };

/** Longest text typed in one command: each must answer within the runner's 20 s, and WebKit's WebDriver types a key at a time. */
const PIECE = 40;

export async function sendKeys(keys: Keys): Promise<unknown> {
  if (!('type' in keys) || keys.type.length <= PIECE) return executeServerCommand('portal-keys', keys);
  for (let i = 0; i < keys.type.length; i += PIECE) await executeServerCommand('portal-keys', { type: keys.type.slice(i, i + PIECE) });
  return true;
}
export const setViewport = (size: { width: number; height: number }): Promise<unknown> => executeServerCommand('portal-viewport', size);

/** Emulates the visitor's colour scheme; false where the engine's automation cannot. */
export const emulateMedia = (media: { colorScheme: 'light' | 'dark' }): Promise<boolean> =>
  executeServerCommand<boolean, typeof media>('portal-media', media).then((done) => done !== false);

/**
 * Moves focus into a cross-origin frame as a keyboard user's Tab would: through its window, or,
 * in WebKit, which lets no page focus another origin's window, through the frame element.
 */
export function focusFrame(frame: HTMLIFrameElement): void {
  if (ENGINE === 'webkit') frame.focus();
  else frame.contentWindow!.focus();
}
