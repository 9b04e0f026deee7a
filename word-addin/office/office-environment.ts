/// <reference types="office-js" />
/**
 * The pieces of office.js the add-in uses, gathered in one object so tests can hand in a fake Word.
 */
export interface OfficeEnvironment {
  run<T>(batch: (context: Word.RequestContext) => Promise<T>): Promise<T>;
  document: Office.Document;
  isSetSupported(name: string, minVersion: string): boolean;
}

/** The real environment; call after `Office.onReady`. */
export function liveOfficeEnvironment(): OfficeEnvironment {
  return {
    run: (batch) => Word.run(batch),
    document: Office.context.document,
    isSetSupported: (name, minVersion) => Office.context.requirements.isSetSupported(name, minVersion),
  };
}
