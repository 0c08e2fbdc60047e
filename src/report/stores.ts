// Where the outbox and report receipts live. OfficeRuntime.storage is preferred: it is the one store
// both the task pane and classic Outlook's JavaScript-only runtime (Report button) can use, so a report
// queued by the button is retried by the pane. localStorage is the fallback in browsers without it.

export interface KeyValueStore {
  get(key: string): Promise<string | null>;
  /** Rejects when the store is full (quota) or unavailable. */
  set(key: string, value: string): Promise<void>;
  remove(key: string): Promise<void>;
  /** Every key starting with `prefix`. */
  keys(prefix: string): Promise<string[]>;
}

/** The subset of OfficeRuntime.storage we use (no type package ships for it). */
export interface OfficeRuntimeStorage {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
  removeItem(key: string): Promise<void>;
  getKeys(): Promise<string[]>;
}

export function officeRuntimeStore(storage: OfficeRuntimeStorage): KeyValueStore {
  return {
    get: (key) => storage.getItem(key).then((value) => value ?? null),
    set: (key, value) => storage.setItem(key, value),
    remove: (key) => storage.removeItem(key),
    keys: async (prefix) => (await storage.getKeys()).filter((key) => key.startsWith(prefix)),
  };
}

export function webStorageStore(storage: Storage): KeyValueStore {
  return {
    get: async (key) => storage.getItem(key),
    set: async (key, value) => storage.setItem(key, value),
    remove: async (key) => storage.removeItem(key),
    keys: async (prefix) => {
      const keys: string[] = [];
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i);
        if (key?.startsWith(prefix)) keys.push(key);
      }
      return keys;
    },
  };
}

/** A store that lives as long as the page: used only when the runtime offers no storage at all. */
export function memoryStore(): KeyValueStore {
  const map = new Map<string, string>();
  return {
    get: async (key) => map.get(key) ?? null,
    set: async (key, value) => {
      map.set(key, value);
    },
    remove: async (key) => {
      map.delete(key);
    },
    keys: async (prefix) => [...map.keys()].filter((key) => key.startsWith(prefix)),
  };
}

/**
 * The best store this runtime has. Looked up when called (never at module load), because the
 * JavaScript-only runtime has no window and touching localStorage there throws.
 */
export function defaultStore(): { store: KeyValueStore; persistent: boolean } {
  const scope = globalThis as { OfficeRuntime?: { storage?: OfficeRuntimeStorage }; localStorage?: Storage };
  if (scope.OfficeRuntime?.storage) return { store: officeRuntimeStore(scope.OfficeRuntime.storage), persistent: true };
  try {
    if (scope.localStorage) return { store: webStorageStore(scope.localStorage), persistent: true };
  } catch {
    // Access to localStorage can throw (privacy settings); fall through.
  }
  return { store: memoryStore(), persistent: false };
}
