export * from './chinese-numerals';
export * from './english-numerals';
export * from './language';
export * from './matching-text';
export * from './paragraphs';
export * from './segment';
