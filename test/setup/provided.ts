import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of a PostgreSQL server the tests may create databases on. */
    pgUrl: string;
  }
}
