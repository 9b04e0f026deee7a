import {
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Radio,
  RadioGroup,
  Select,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { Message } from '@shared/clauses/variables';
import { type Clause, type ClauseLanguage, localize, type VariableDefinition } from '@shared/schemas/clause';
import { useState } from 'react';
import type { Language, Strings } from '../i18n/strings';
import type { ClauseToInsert } from '../office/document-host';
import {
  availableBodies,
  type BodyChoice,
  checkForm,
  type FieldValue,
  filledClause,
  initialForm,
  positionNote,
  variablesOf,
} from '../state/clause-form';

const CURRENCIES = ['CNY', 'USD', 'EUR', 'HKD', 'GBP', 'JPY', 'SGD'];

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    borderLeft: `3px solid ${tokens.colorBrandStroke1}`,
    minWidth: 0,
  },
  guidance: {
    backgroundColor: tokens.colorNeutralBackground3,
    padding: tokens.spacingVerticalS,
    overflowWrap: 'anywhere',
  },
  money: { display: 'flex', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  amount: { flexGrow: 1, minWidth: 0 },
  currency: { width: '88px', flexShrink: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  note: { overflowWrap: 'anywhere' },
});

export interface ClauseFormProps {
  t: Strings;
  language: Language;
  clause: Clause;
  onInsert(clause: ClauseToInsert): Promise<void>;
  onCancel(): void;
}

/** Fills a clause's variables, shows its guidance and positions, and inserts the chosen text. */
export function ClauseForm({ t, language, clause, onInsert, onCancel }: ClauseFormProps) {
  const styles = useStyles();
  const ui: ClauseLanguage = language === 'zh' ? 'zh-CN' : 'en';
  const [form, setForm] = useState(() => initialForm(clause));
  const [choice, setChoice] = useState<BodyChoice>('standard');
  const [errors, setErrors] = useState<Record<string, Message>>({});
  const [busy, setBusy] = useState(false);
  const bodies = availableBodies(clause);
  const note = positionNote(clause, choice, ui);
  const { missing } = checkForm(clause, form, choice);

  const set = (name: string, value: FieldValue) => {
    setForm((f) => ({ ...f, [name]: value }));
    setErrors(({ [name]: _, ...rest }) => rest);
  };

  async function submit() {
    const checked = checkForm(clause, form, choice);
    setErrors(checked.errors);
    if (Object.keys(checked.errors).length > 0) return;
    setBusy(true);
    try {
      await onInsert(filledClause(clause, checked.values, choice));
    } finally {
      setBusy(false);
    }
  }

  const fieldFor = (v: VariableDefinition) => {
    const id = `var-${clause.id}-${v.name}`;
    const value = form[v.name] ?? '';
    const text = typeof value === 'string' ? value : value.amount;
    const hint =
      v.type === 'party' && v.role
        ? localize(v.role, ui)
        : v.description
          ? localize(v.description, ui)
          : undefined;
    const common = {
      label: localize(v.label, ui),
      hint,
      required: v.required,
      validationMessage: errors[v.name]?.[language],
      'data-testid': `field-${v.name}`,
    };
    switch (v.type) {
      case 'money': {
        const money = typeof value === 'string' ? { amount: value, currency: 'CNY' } : value;
        const options = v.currency ? [v.currency] : [...new Set([money.currency, ...CURRENCIES])];
        return (
          <Field key={v.name} {...common}>
            <div className={styles.money}>
              <Input
                className={styles.amount}
                id={id}
                inputMode="decimal"
                aria-label={`${localize(v.label, ui)} · ${t.amount}`}
                value={money.amount}
                onChange={(_, d) => set(v.name, { ...money, amount: d.value })}
                data-testid={`input-${v.name}`}
              />
              <Select
                className={styles.currency}
                aria-label={t.currency}
                value={money.currency}
                disabled={options.length === 1}
                onChange={(_, d) => set(v.name, { ...money, currency: d.value })}
                data-testid={`currency-${v.name}`}
              >
                {options.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </Select>
            </div>
          </Field>
        );
      }
      case 'choice':
        return (
          <Field key={v.name} {...common}>
            <Select
              id={id}
              value={text}
              onChange={(_, d) => set(v.name, d.value)}
              data-testid={`input-${v.name}`}
            >
              {!v.required && <option value="" />}
              {v.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label ? localize(o.label, ui) : o.value}
                </option>
              ))}
            </Select>
          </Field>
        );
      default:
        return (
          <Field key={v.name} {...common}>
            <Input
              id={id}
              type={v.type === 'date' ? 'date' : 'text'}
              inputMode={v.type === 'number' ? 'decimal' : undefined}
              value={text}
              onChange={(_, d) => set(v.name, d.value)}
              data-testid={`input-${v.name}`}
            />
          </Field>
        );
    }
  };

  return (
    <form
      className={styles.form}
      data-testid="clause-form"
      // Blank required fields are allowed (their placeholder goes into the document): checked here instead.
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      {clause.guidance && (
        <div className={styles.guidance} data-testid="clause-guidance">
          <Caption1>{t.guidance}</Caption1>
          <Text block>{localize(clause.guidance, ui)}</Text>
        </div>
      )}
      {bodies.length > 1 && (
        <Field label={t.bodyChoice}>
          <RadioGroup
            value={choice}
            onChange={(_, d) => setChoice(d.value as BodyChoice)}
            data-testid="body-choice"
          >
            {bodies.map((b) => (
              <Radio key={b} value={b} label={t.positions[b]} data-testid={`body-${b}`} />
            ))}
          </RadioGroup>
        </Field>
      )}
      {note && (
        <Caption1 className={styles.note} data-testid="position-note">
          {note}
        </Caption1>
      )}
      {variablesOf(clause, choice).map(fieldFor)}
      {missing.length > 0 && (
        <Caption1 className={styles.note} data-testid="left-as-placeholders">
          {t.leftAsPlaceholders(
            missing
              .map((name) => clause.variables.find((v) => v.name === name))
              .map((v) => (v ? localize(v.label, ui) : ''))
              .join(language === 'zh' ? '、' : ', '),
          )}
        </Caption1>
      )}
      {Object.keys(errors).length > 0 && (
        <MessageBar intent="error">
          <MessageBarBody>{t.fixTheFields}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={busy} data-testid="insert-confirm">
          {t.insert}
        </Button>
        <Button onClick={onCancel} data-testid="insert-cancel">
          {t.cancel}
        </Button>
      </div>
    </form>
  );
}
