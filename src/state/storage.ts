import type { StorageKind } from '../config/config.js';

/** Where a session is remembered. `memory` keeps nothing: a reload signs the user out. */
export interface SessionStorageAdapter {
  read(): string | null;
  write(value: string): void;
  clear(): void;
}

export function storageAdapter(kind: StorageKind, key: string): SessionStorageAdapter {
  const store = webStorage(kind);
  if (!store) return { read: () => null, write: () => {}, clear: () => {} };
  return {
    read: () => store.getItem(key),
    write: (value) => {
      try {
        store.setItem(key, value);
      } catch {
        // Quota or privacy mode: the session still works for this page.
      }
    },
    clear: () => store.removeItem(key),
  };
}

function webStorage(kind: StorageKind): Storage | undefined {
  try {
    if (kind === 'session') return window.sessionStorage;
    if (kind === 'local') return window.localStorage;
  } catch {
    // Storage access can throw in sandboxed iframes; fall back to memory.
  }
  return undefined;
}
