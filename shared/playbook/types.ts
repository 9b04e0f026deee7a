/** The contracts between the engine and its rule kinds. */
import type { Rule, RuleKindName, RuleOfKind } from '@shared/schemas/playbook';
import type { MatchingText } from '@shared/text/matching-text';
import type { Definition } from './facts/definitions';
import type { Heading } from './facts/headings';
import type { DocumentStructure } from './structure';
import type { TermIndex } from './term-index';

/** What every rule may read about a paragraph; computed once per paragraph text. */
export interface ParagraphFacts {
  /** The original text. */
  readonly text: string;
  /** The matching copy and its offset map. */
  readonly matching: MatchingText;
  /** The matching copy in lower case. */
  readonly lower: string;
  /** Fingerprint of the text (whitespace and width folded), for suppressions. */
  readonly fingerprint: string;
  /** The heading the paragraph opens with; offsets in the matching copy. */
  readonly heading: Heading | null;
  /** Terms the paragraph defines; offsets in the matching copy. */
  readonly definitions: readonly Definition[];
}

/** A fix as a rule produces it: offsets in the ORIGINAL paragraph text. */
export interface LocalFix {
  start: number;
  end: number;
  replacement: string;
  label?: { zh: string; en: string };
}

/** A finding inside one paragraph: offsets in the ORIGINAL paragraph text. */
export interface LocalFinding {
  start: number;
  end: number;
  /** Values for the message's placeholders ({value}, {limit}, {expected}…); {match} is filled in by the engine. */
  params?: Readonly<Record<string, string | number>>;
  fixes?: LocalFix[];
}

/** A finding from the document-level pass: in paragraph `paragraph` (an index in the current order). */
export interface DocumentFinding extends LocalFinding {
  paragraph: number;
}

export interface ScanResult<F> {
  findings?: LocalFinding[];
  facts?: F;
}

/** What the document-level pass of a rule sees. */
export interface DocumentView<F> {
  readonly paragraphs: readonly ParagraphFacts[];
  /** This rule's facts for each paragraph, from its `scan`. */
  readonly facts: readonly (F | undefined)[];
  readonly structure: DocumentStructure;
  readonly terms: TermIndex;
}

/** A rule ready to run. `scan` must depend on the paragraph alone: its result is cached per paragraph text. */
export interface CompiledRule<F = unknown> {
  readonly rule: Rule;
  scan?(paragraph: ParagraphFacts): ScanResult<F> | undefined;
  evaluate?(doc: DocumentView<F>): DocumentFinding[];
}

/** Erases a compiled rule's fact type for the engine, which hands each rule back only the facts it produced. */
export function defineCompiled<F>(rule: CompiledRule<F>): CompiledRule {
  return rule as unknown as CompiledRule;
}

/** One kind of rule: turns the rule's data into a compiled rule. */
export interface RuleKind<K extends RuleKindName> {
  readonly kind: K;
  compile(rule: RuleOfKind<K>): CompiledRule;
}
