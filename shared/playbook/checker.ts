/**
 * The incremental checker. Each paragraph is scanned once per text: its facts and the per-paragraph
 * results of every rule are cached. After an edit only the changed paragraph is scanned again; the
 * document-level rules (required clauses, defined terms, cross-references, numbering, parties, dates) are
 * re-evaluated from the cached facts, and term counts are updated for that paragraph alone.
 */
import type { Finding, FindingFix, SuppressionEntry } from '@shared/schemas/finding';
import type { Playbook, Rule } from '@shared/schemas/playbook';
import { type CompiledPlaybook, compilePlaybook, isException, type PreparedRule } from './compile';
import { DOCUMENT_FINGERPRINT } from './fingerprint';
import { renderMessage } from './message';
import { paragraphFacts } from './paragraph-facts';
import { buildStructure, type DocumentStructure, inDefinitions } from './structure';
import { SuppressionSet, suppressionFor } from './suppressions';
import { TermIndex, type TermSlot } from './term-index';
import type { DocumentFinding, LocalFinding, LocalFix, ParagraphFacts, ScanResult } from './types';

export interface CheckOptions {
  /** Findings these entries cover come back with their `suppression` set. */
  suppressions?: readonly SuppressionEntry[];
}

export interface Checker {
  readonly playbook: Playbook;
  /** Checks a whole document (paragraph texts in order) and remembers it for later edits. */
  checkAll(paragraphs: readonly string[]): Finding[];
  /** Paragraph `index` now reads `text`. */
  update(index: number, text: string): Finding[];
  /** A new paragraph at `index` (0…length). */
  insert(index: number, text: string): Finding[];
  /** Paragraph `index` is gone. */
  remove(index: number): Finding[];
  /** The findings of the last check. */
  findings(): Finding[];
  /** The paragraph texts as the checker knows them. */
  paragraphs(): string[];
  /** Suppresses one finding with a reason; returns the entry to store with the document. */
  suppress(finding: Finding, reason: string, by?: string, at?: string): SuppressionEntry;
  /** Lifts the suppression of a finding; true when there was one. */
  unsuppress(finding: Finding): boolean;
  suppressions(): SuppressionEntry[];
}

interface Scanned {
  readonly facts: ParagraphFacts;
  readonly scans: Array<ScanResult<unknown> | undefined>;
}

interface Slot extends TermSlot, Scanned {
  /** Whether any rule found something in the paragraph itself. */
  readonly hasLocal: boolean;
  /** The paragraph-level findings as built for `builtAt`. */
  built: Finding[] | null;
  builtAt: number;
}

const NONE: Finding[] = [];

function toFix(fix: LocalFix): FindingFix {
  const out: FindingFix = { range: [fix.start, fix.end], replacement: fix.replacement };
  if (fix.label) out.label = fix.label;
  return out;
}

function byPosition(a: Finding, b: Finding): number {
  return (
    a.paragraphIndex - b.paragraphIndex ||
    a.range[0] - b.range[0] ||
    a.range[1] - b.range[1] ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}

function basisOf(rule: Rule): Finding['basis'] {
  if (!rule.basis) return undefined;
  return rule.basis.url
    ? { citation: rule.basis.citation, url: rule.basis.url }
    : { citation: rule.basis.citation };
}

class IncrementalChecker implements Checker {
  readonly playbook: Playbook;
  private readonly compiled: CompiledPlaybook;
  private readonly rules: readonly PreparedRule[];
  /** Indexes (into `rules`) of the rules with a document-level pass. */
  private readonly documentRules: number[];
  private slots: Slot[] = [];
  private factsList: ParagraphFacts[] = [];
  /** Per document-level rule, the facts of each paragraph. */
  private ruleFacts: unknown[][];
  private readonly terms = new TermIndex(() => this.slots);
  private readonly suppressed: SuppressionSet;
  private last: Finding[] = [];
  /** Document-level findings of the last pass, to hand back the same objects when nothing about them changed. */
  private documentFindings = new Map<string, Finding>();
  /** The clause structure, kept while edits leave every heading as it was. */
  private structure: DocumentStructure | null = null;

  constructor(playbook: Playbook, options: CheckOptions) {
    this.playbook = playbook;
    this.compiled = compilePlaybook(playbook);
    this.rules = this.compiled.rules;
    this.documentRules = this.rules.flatMap((r, i) => (r.compiled.evaluate ? [i] : []));
    this.ruleFacts = this.documentRules.map(() => []);
    this.suppressed = new SuppressionSet(options.suppressions ?? []);
  }

  private scan(text: string): Scanned {
    const facts = paragraphFacts(text);
    // Blank paragraphs hold nothing any rule looks for.
    if (facts.matching.text.trim() === '') return { facts, scans: [] };
    const scans = this.rules.map((r) => {
      const result = r.compiled.scan?.(facts);
      if (!result?.findings || result.findings.length === 0 || !r.hasExceptions) return result;
      const findings = result.findings.filter(
        (f) => !isException(r, text, facts.matching.text, f.start, f.end),
      );
      return { ...result, findings };
    });
    return { facts, scans };
  }

  private slot(scanned: Scanned): Slot {
    let hasLocal = false;
    for (const s of scanned.scans) if (s?.findings && s.findings.length > 0) hasLocal = true;
    return { facts: scanned.facts, scans: scanned.scans, hasLocal, built: null, builtAt: -1 };
  }

  private place(index: number, slot: Slot, replace: boolean): void {
    if (!replace && index === this.slots.length) {
      this.slots.push(slot);
      this.factsList.push(slot.facts);
      for (let k = 0; k < this.documentRules.length; k++) {
        this.ruleFacts[k]?.push(slot.scans[this.documentRules[k] as number]?.facts);
      }
      return;
    }
    const del = replace ? 1 : 0;
    this.slots.splice(index, del, slot);
    this.factsList.splice(index, del, slot.facts);
    this.documentRules.forEach((r, k) => {
      this.ruleFacts[k]?.splice(index, del, slot.scans[r]?.facts);
    });
  }

  checkAll(paragraphs: readonly string[]): Finding[] {
    const previous = new Map<string, Scanned>();
    for (const s of this.slots) previous.set(s.facts.text, s);
    this.slots = [];
    this.factsList = [];
    this.ruleFacts = this.documentRules.map(() => []);
    this.terms.clear();
    this.structure = null;
    for (const text of paragraphs) {
      const scanned = previous.get(text) ?? this.scan(text);
      previous.set(text, scanned);
      this.place(this.slots.length, this.slot(scanned), false);
    }
    return this.assemble();
  }

  private checkIndex(index: number, allowEnd: boolean): void {
    const max = allowEnd ? this.slots.length : this.slots.length - 1;
    if (!Number.isInteger(index) || index < 0 || index > max) {
      throw new RangeError(`paragraph ${index} is outside 0…${max}`);
    }
  }

  update(index: number, text: string): Finding[] {
    this.checkIndex(index, false);
    const old = this.slots[index] as Slot;
    if (old.facts.text === text) return this.last;
    this.terms.removed(old);
    const slot = this.slot(this.scan(text));
    this.place(index, slot, true);
    this.terms.added(slot);
    if (old.facts.heading || slot.facts.heading) this.structure = null;
    return this.assemble();
  }

  insert(index: number, text: string): Finding[] {
    this.checkIndex(index, true);
    const slot = this.slot(this.scan(text));
    this.place(index, slot, false);
    this.terms.added(slot);
    this.structure = null;
    return this.assemble();
  }

  remove(index: number): Finding[] {
    this.checkIndex(index, false);
    const old = this.slots[index] as Slot;
    this.terms.removed(old);
    this.slots.splice(index, 1);
    this.factsList.splice(index, 1);
    for (const list of this.ruleFacts) list.splice(index, 1);
    this.structure = null;
    return this.assemble();
  }

  findings(): Finding[] {
    return this.last;
  }

  paragraphs(): string[] {
    return this.slots.map((s) => s.facts.text);
  }

  suppress(finding: Finding, reason: string, by?: string, at?: string): SuppressionEntry {
    const entry = suppressionFor(finding, reason, by, at);
    this.suppressed.add(entry);
    this.last = this.last.map((f) => this.withSuppression(f));
    return entry;
  }

  unsuppress(finding: Finding): boolean {
    const removed = this.suppressed.remove(finding);
    if (removed) this.last = this.last.map((f) => this.withSuppression(f));
    return removed;
  }

  suppressions(): SuppressionEntry[] {
    return this.suppressed.entries();
  }

  private withSuppression(f: Finding): Finding {
    if (this.suppressed.isEmpty() && !f.suppression) return f;
    const suppression = this.suppressed.find(f);
    if (suppression === f.suppression) return f;
    if (!suppression) {
      const { suppression: _dropped, ...rest } = f;
      return rest;
    }
    return { ...f, suppression };
  }

  private build(
    rule: PreparedRule,
    paragraph: number,
    local: LocalFinding,
    facts: ParagraphFacts | undefined,
  ): Finding {
    const text = facts?.text ?? '';
    const match = text.slice(local.start, local.end);
    const finding: Finding = {
      ruleId: rule.rule.id,
      level: rule.rule.level,
      message: renderMessage(rule.rule.message, { match, ...local.params }),
      paragraphIndex: paragraph,
      range: [local.start, local.end],
      match,
      fixes: (local.fixes ?? []).map(toFix),
      fingerprint: facts && local.end > local.start ? facts.fingerprint : DOCUMENT_FINGERPRINT,
    };
    const basis = basisOf(rule.rule);
    if (basis) finding.basis = basis;
    return finding;
  }

  private inScope(rule: PreparedRule, structure: DocumentStructure, index: number): boolean {
    const scope = rule.rule.scope;
    if (scope === 'document') return true;
    if (scope === 'definitions') return inDefinitions(structure, this.factsList, index);
    if ((structure.clauseOf[index] ?? -1) < 0) return false;
    return rule.clauses === null || rule.clauses.test(structure.clauseTitle(index));
  }

  private localFindings(slot: Slot, index: number): Finding[] {
    if (slot.built && slot.builtAt === index) return slot.built;
    if (!slot.hasLocal) return NONE;
    const built: Finding[] = [];
    this.rules.forEach((rule, r) => {
      for (const f of slot.scans[r]?.findings ?? []) built.push(this.build(rule, index, f, slot.facts));
    });
    slot.built = built;
    slot.builtAt = index;
    return built;
  }

  private assemble(): Finding[] {
    this.structure ??= buildStructure(this.factsList);
    const structure = this.structure;
    const out: Finding[] = [];
    const scoped = this.rules.some((r) => r.rule.scope !== 'document');
    const ruleById = scoped ? new Map(this.rules.map((r) => [r.rule.id, r])) : null;
    this.slots.forEach((slot, i) => {
      if (!slot.hasLocal) return;
      for (const f of this.localFindings(slot, i)) {
        const rule = ruleById?.get(f.ruleId);
        if (rule && !this.inScope(rule, structure, i)) continue;
        out.push(this.withSuppression(f));
      }
    });
    this.terms.beginPass();
    const previous = this.documentFindings;
    const current = new Map<string, Finding>();
    this.documentRules.forEach((r, k) => {
      const rule = this.rules[r] as PreparedRule;
      const found: DocumentFinding[] =
        rule.compiled.evaluate?.({
          paragraphs: this.factsList,
          facts: this.ruleFacts[k] ?? [],
          structure,
          terms: this.terms,
        }) ?? [];
      for (const f of found) {
        const facts = this.factsList[f.paragraph];
        const key = `${r}|${f.paragraph}|${f.start}|${f.end}|${facts?.fingerprint}|${f.params ? Object.values(f.params).join('|') : ''}`;
        let finding = previous.get(key);
        if (!finding) {
          const text = facts?.text ?? '';
          if (f.end > f.start && isException(rule, text, facts?.matching.text ?? '', f.start, f.end))
            continue;
          finding = this.build(rule, f.paragraph, f, facts);
        }
        current.set(key, finding);
        out.push(this.withSuppression(finding));
      }
    });
    this.documentFindings = current;
    this.terms.endPass();
    out.sort(byPosition);
    this.last = out;
    return out;
  }
}

/** A checker for one document, to be fed edits as they happen. */
export function createChecker(playbook: Playbook, options: CheckOptions = {}): Checker {
  return new IncrementalChecker(playbook, options);
}

/** Checks a whole document once. */
export function check(
  paragraphs: readonly string[],
  playbook: Playbook,
  options: CheckOptions = {},
): Finding[] {
  return createChecker(playbook, options).checkAll(paragraphs);
}
