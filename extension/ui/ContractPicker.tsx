import { useEffect, useState } from 'react';
import type { ContractChoice } from '../registry/client';
import { type Language, translate } from './i18n';

export interface ContractPickerProps {
  lang: Language;
  search(text: string): Promise<ContractChoice[]>;
  chosen: ContractChoice | null;
  onChoose(contract: ContractChoice): void;
}

/** Finds a contract by number or title as the user types, to add a document to it as a new version. */
export function ContractPicker({ lang, search, chosen, onChoose }: ContractPickerProps) {
  const [text, setText] = useState('');
  const [results, setResults] = useState<ContractChoice[] | null>(null);
  useEffect(() => {
    const q = text.trim();
    if (!q) {
      setResults(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      search(q).then(
        (found) => current && setResults(found),
        () => current && setResults([]),
      );
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text, search]);
  return (
    <div className="picker">
      <input
        className="title"
        aria-label={translate(lang, 'searchContracts')}
        placeholder={translate(lang, 'searchContracts')}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      {results?.length === 0 ? <div className="meta">{translate(lang, 'noContracts')}</div> : null}
      <ul>
        {results?.map((c) => (
          <li key={c.id} className="row">
            <span className={chosen?.id === c.id ? 'name' : undefined}>
              {c.number} · {c.title}
            </span>
            <button type="button" className="secondary" onClick={() => onChoose(c)}>
              {translate(lang, 'chooseContract')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
