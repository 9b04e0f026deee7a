import {
  createContext,
  Fragment,
  type ReactNode,
  useContext,
  useEffect,
  useMemo,
  useSyncExternalStore,
} from 'react';
import { type Language, translate } from '../i18n';
import type { Me } from './approvers';
import type { Person } from './types';

export type PeopleLookup = (ids: string[]) => Promise<Person[]>;

/**
 * The names of the people a page shows. The ids its parts ask for while they render are gathered and
 * asked of the registry together, each id once; an id the registry does not answer stays an id.
 */
export class PeopleDirectory {
  private readonly known = new Map<string, Person>();
  private readonly asked = new Set<string>();
  private readonly waiting = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private scheduled = false;
  private version = 0;

  constructor(private readonly lookup: PeopleLookup) {}

  /** Asks for the names of these ids, with the others asked for in the same turn. */
  want(ids: Iterable<string>): void {
    for (const id of ids) if (id && !this.asked.has(id)) this.waiting.add(id);
    if (this.waiting.size === 0 || this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => void this.flush());
  }

  get(id: string): Person | undefined {
    return this.known.get(id);
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly snapshot = (): number => this.version;

  private async flush(): Promise<void> {
    this.scheduled = false;
    const ids = [...this.waiting];
    this.waiting.clear();
    for (const id of ids) this.asked.add(id);
    let named: Person[];
    try {
      named = (await this.lookup(ids)).filter((p) => this.asked.has(p.id));
    } catch {
      // An older registry, or one that cannot answer now: the ids are shown as they are.
      return;
    }
    if (named.length === 0) return;
    for (const p of named) this.known.set(p.id, p);
    this.version += 1;
    for (const l of this.listeners) l();
  }
}

const PeopleContext = createContext<PeopleDirectory | null>(null);

/** Gives the page below one directory of names, asked of `lookup`. */
export function PeopleProvider({ lookup, children }: { lookup: PeopleLookup; children: ReactNode }) {
  const directory = useMemo(() => new PeopleDirectory(lookup), [lookup]);
  return <PeopleContext.Provider value={directory}>{children}</PeopleContext.Provider>;
}

const noSubscription = () => () => {};
const noVersion = () => 0;

/** The person with this id once the registry named them; asks for the name on first use. */
export function usePerson(id: string | null): Person | undefined {
  const directory = useContext(PeopleContext);
  useSyncExternalStore(directory?.subscribe ?? noSubscription, directory?.snapshot ?? noVersion);
  useEffect(() => {
    if (directory && id) directory.want([id]);
  }, [directory, id]);
  return id && directory ? directory.get(id) : undefined;
}

/**
 * A user as the page shows them: their name with the email as its title, "you" for the signed-in user,
 * "the system" for no one, and the id itself while (or when) the registry does not name them.
 */
export function PersonName({ lang, id, me }: { lang: Language; id: string | null; me?: Me | null }) {
  const person = usePerson(id);
  if (id === null) return <>{translate(lang, 'actorSystem')}</>;
  if (me && id === me.id) {
    return (
      <span className="person" data-user={id} title={person?.email}>
        {translate(lang, 'actorYou')}
      </span>
    );
  }
  return (
    <span className="person" data-user={id} title={person?.email}>
      {person?.name ?? id}
    </span>
  );
}

/**
 * A message with some of its `{placeholders}` filled by elements (a person's name with its title), the
 * others as text.
 */
export function translateWith(
  lang: Language,
  key: Parameters<typeof translate>[1],
  text: Record<string, string>,
  nodes: Record<string, ReactNode>,
): ReactNode[] {
  // Each element's placeholder becomes a marker the message cannot contain, then the marker the element.
  const marked = translate(lang, key, {
    ...text,
    ...Object.fromEntries(Object.keys(nodes).map((name) => [name, `\u0000${name}\u0000`])),
  });
  return marked
    .split('\u0000')
    .map((part, i) => (i % 2 === 1 ? <Fragment key={part}>{nodes[part]}</Fragment> : part));
}
