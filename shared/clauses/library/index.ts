/**
 * The starter clause libraries (Chinese and English), validated against the clause schema on first use.
 */
import { type ClauseLanguage, type ClauseLibrary, clauseLibrarySchema } from '@shared/schemas/clause';
import english from './starter.en.json';
import chinese from './starter.zh-CN.json';

const cache = new Map<ClauseLanguage, ClauseLibrary>();

export function starterLibrary(language: ClauseLanguage): ClauseLibrary {
  let library = cache.get(language);
  if (!library) {
    library = clauseLibrarySchema.parse(language === 'zh-CN' ? chinese : english);
    cache.set(language, library);
  }
  return library;
}
