/** The facts every rule may read about one paragraph, computed once per paragraph text. */
import { type MatchingText, toMatchingText } from '@shared/text/matching-text';
import { type Definition, findDefinitions } from './facts/definitions';
import { type Heading, parseHeading } from './facts/headings';
import { paragraphFingerprint } from './fingerprint';
import type { ParagraphFacts } from './types';

const NO_DEFINITIONS: readonly Definition[] = [];

class Paragraph implements ParagraphFacts {
  readonly matching: MatchingText;
  readonly heading: Heading | null;
  readonly definitions: readonly Definition[];
  private lowerCase: string | undefined;
  private print: string | undefined;

  constructor(readonly text: string) {
    this.matching = toMatchingText(text);
    const blank = this.matching.text.trim() === '';
    this.heading = blank ? null : parseHeading(this.matching.text);
    this.definitions = blank ? NO_DEFINITIONS : findDefinitions(this.matching.text);
  }

  /** Computed on first use: most paragraphs never need it. */
  get lower(): string {
    this.lowerCase ??= this.matching.text.toLowerCase();
    return this.lowerCase;
  }

  get fingerprint(): string {
    this.print ??= paragraphFingerprint(this.matching.text);
    return this.print;
  }
}

export function paragraphFacts(text: string): ParagraphFacts {
  return new Paragraph(text);
}
