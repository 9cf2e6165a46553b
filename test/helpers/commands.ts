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

type Keys = { type: string } | { press: string } | { down: string } | { up: string };

export const sendKeys = (keys: Keys): Promise<unknown> => executeServerCommand('portal-keys', keys);
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
