// Web-standard globals that both browsers and Node provide. The engine is compiled against ES2022
// alone (tsconfig.engine.json); these are the only platform APIs it may use.
declare class URL {
  constructor(url: string, base?: string);
  readonly hostname: string;
  readonly href: string;
  readonly protocol: string;
  readonly pathname: string;
  readonly search: string;
  readonly username: string;
  readonly password: string;
  readonly port: string;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
