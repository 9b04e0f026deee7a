import { type Language, translate } from './i18n';
import type { InboxItem } from './reviewer/types';

/**
 * The approvals waiting for the signed-in user, in the side panel: a count and the contracts, each opening
 * its page in the registry (where the decision is taken), and a link to the whole inbox.
 */
export function InboxSummary(props: {
  lang: Language;
  items: InboxItem[];
  onOpen(contractId: string): void;
  onOpenInbox(): void;
}) {
  const { lang, items } = props;
  const shown = [...items].sort((a, b) => a.step.createdAt.localeCompare(b.step.createdAt)).slice(0, 5);
  return (
    <section className="inbox-summary" aria-label={translate(lang, 'inboxTitle')}>
      <h2 data-inbox-count={items.length}>
        {translate(lang, 'inboxWaitingCount', { count: String(items.length) })}
      </h2>
      <ul>
        {shown.map(({ contract, step }) => (
          <li key={step.id} data-inbox-item={contract.id}>
            <button type="button" className="link" onClick={() => props.onOpen(contract.id)}>
              {contract.number}
            </button>{' '}
            · {contract.title} · {step.name}
          </li>
        ))}
      </ul>
      {items.length > shown.length ? (
        <button type="button" className="secondary" onClick={props.onOpenInbox}>
          {translate(lang, 'inboxShowAll', { count: String(items.length) })}
        </button>
      ) : null}
    </section>
  );
}
