/** A small RFC 5545 reader for tests: unfolds lines, splits properties and unescapes TEXT. */
export interface ParsedProperty {
  name: string;
  params: Record<string, string>;
  value: string;
}

export interface ParsedComponent {
  type: string;
  props: ParsedProperty[];
  children: ParsedComponent[];
}

export function unfold(text: string): string[] {
  if (/[^\r]\n/.test(text)) throw new Error('a line ends without CR');
  return text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((l) => l !== '');
}

export function unescapeText(v: string): string {
  return v.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

export function parseCalendar(text: string): ParsedComponent {
  const stack: ParsedComponent[] = [];
  let root: ParsedComponent | null = null;
  for (const line of unfold(text)) {
    const colon = line.indexOf(':');
    const head = line.slice(0, colon);
    const value = line.slice(colon + 1);
    const [name = '', ...paramParts] = head.split(';');
    const params = Object.fromEntries(paramParts.map((p) => p.split('=') as [string, string]));
    if (name === 'BEGIN') {
      const comp: ParsedComponent = { type: value, props: [], children: [] };
      stack.at(-1)?.children.push(comp);
      stack.push(comp);
      root ??= comp;
    } else if (name === 'END') {
      if (stack.pop()?.type !== value) throw new Error(`unbalanced END:${value}`);
    } else {
      const top = stack.at(-1);
      if (!top) throw new Error('property outside a component');
      top.props.push({ name, params, value });
    }
  }
  if (!root || stack.length) throw new Error('incomplete calendar');
  return root;
}

export const prop = (c: ParsedComponent, name: string) => c.props.find((p) => p.name === name);
