/** Fills a rule's message template: `{match}`, `{value}`, `{limit}`… from a finding's values. */

export type MessageParams = Readonly<Record<string, string | number>>;

function fill(template: string, params: MessageParams): string {
  return template.replace(/\{(\w+)\}/g, (all, name: string) => {
    const v = params[name];
    return v === undefined ? all : String(v);
  });
}

export function renderMessage(
  message: { zh: string; en: string },
  params: MessageParams,
): { zh: string; en: string } {
  return { zh: fill(message.zh, params), en: fill(message.en, params) };
}
