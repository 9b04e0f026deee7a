import { useEffect, useState } from 'react';
import type { Settings } from '../browser/settings';
import type { Language, LanguageSetting, MessageKey } from './i18n';
import { translate } from './i18n';

export interface OptionsProps {
  lang: Language;
  settings: Settings;
  /** Asks for access to the registry, signs in, keeps the token; answers an error message or null. */
  onSignIn(registryUrl: string, email: string, password: string): Promise<string | null>;
  onSignOut(): Promise<void>;
  /** Answers a line describing the connection (or what is wrong). */
  onTest(): Promise<string>;
  onSave(changes: Partial<Settings>): Promise<void>;
}

/** The options page: registry address, sign-in, connection test, language and default contract type. */
export function Options({ lang, settings, onSignIn, onSignOut, onTest, onSave }: OptionsProps) {
  const t = (k: MessageKey, p?: Record<string, string>) => translate(lang, k, p);
  const [url, setUrl] = useState(settings.registryUrl);
  const [email, setEmail] = useState(settings.user?.email ?? '');
  const [password, setPassword] = useState('');
  const [type, setType] = useState(settings.defaultContractType);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setUrl(settings.registryUrl);
    setType(settings.defaultContractType);
  }, [settings.registryUrl, settings.defaultContractType]);

  const run = async (work: () => Promise<{ text: string; error: boolean } | null>) => {
    setBusy(true);
    setMessage({ text: t('working'), error: false });
    try {
      setMessage(await work());
    } catch (err) {
      setMessage({ text: err instanceof Error ? err.message : String(err), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            const error = await onSignIn(url, email, password);
            setPassword('');
            return error ? { text: error, error: true } : null;
          });
        }}
      >
        <label>
          {t('registryUrl')}
          <input
            name="registryUrl"
            type="url"
            required
            placeholder="https://contracts.example.com"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
          />
        </label>
        {settings.user ? (
          <p data-testid="signed-in">
            {t('signedInAs', { name: settings.user.name, email: settings.user.email })}
          </p>
        ) : null}
        <label>
          {t('email')}
          <input
            name="email"
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <label>
          {t('password')}
          <input
            name="password"
            type="password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <div className="row">
          <button type="submit" disabled={busy}>
            {t('signIn')}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={busy || !settings.token}
            onClick={() => void run(async () => ({ text: await onTest(), error: false }))}
          >
            {t('testConnection')}
          </button>
          {settings.token ? (
            <button type="button" className="secondary" disabled={busy} onClick={() => void onSignOut()}>
              {t('signOut')}
            </button>
          ) : null}
        </div>
      </form>
      <label>
        {t('language')}
        <select
          name="language"
          value={settings.language}
          onChange={(e) => void onSave({ language: e.target.value as LanguageSetting })}
        >
          <option value="auto">{t('languageAuto')}</option>
          <option value="zh-CN">中文（简体）</option>
          <option value="en">English</option>
        </select>
      </label>
      <label>
        {t('defaultType')}
        <input
          name="defaultContractType"
          value={type}
          onChange={(e) => setType(e.target.value)}
          onBlur={() => void onSave({ defaultContractType: type.trim() || 'general' })}
        />
      </label>
      {message ? (
        <p className={`status ${message.error ? 'error' : 'info'}`} role="status">
          {message.text}
        </p>
      ) : null}
    </main>
  );
}
