import { contractTypeName } from '@shared/contract-type-names';
import { CONTRACT_TYPES } from '@shared/extract/contract-types';
import type { Language } from './i18n';

/** Suggestions for a contract type field (`<input list={id}>`): the usual codes with their names. */
export function ContractTypeOptions({ id, lang }: { id: string; lang: Language }) {
  return (
    <datalist id={id}>
      {CONTRACT_TYPES.map((type) => (
        <option key={type} value={type} label={contractTypeName(type, lang)} />
      ))}
    </datalist>
  );
}
