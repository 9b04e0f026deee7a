import {
  Button,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import { errorMessage } from '../i18n/error-message';
import type { Strings } from '../i18n/strings';
import { normaliseRegistryUrl, type RegistryClient, RegistryError } from '../registry/client';
import type { Session } from '../state/session';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export interface SignInPaneProps {
  t: Strings;
  defaultUrl: string;
  makeClient: (url: string, token?: string) => RegistryClient;
  onSignedIn: (session: Session) => void;
}

/** Registry address + email/password (or a pasted API token) → a session. */
export function SignInPane({ t, defaultUrl, makeClient, onSignedIn }: SignInPaneProps) {
  const styles = useStyles();
  const [url, setUrl] = useState(defaultUrl);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [token, setToken] = useState('');
  const [withToken, setWithToken] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const registryUrl = normaliseRegistryUrl(url);
    setBusy(true);
    setError(null);
    try {
      if (withToken) {
        const me = await makeClient(registryUrl, token.trim()).me();
        onSignedIn({ registryUrl, token: token.trim(), userName: me.name || me.email });
      } else {
        const res = await makeClient(registryUrl).login(email.trim(), password);
        onSignedIn({ registryUrl, token: res.token, userName: res.user.name || res.user.email });
      }
    } catch (err) {
      const wrongPassword = !withToken && err instanceof RegistryError && err.kind === 'unauthorized';
      setError(wrongPassword ? t.wrongPassword : errorMessage(t, err, registryUrl));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className={styles.form} onSubmit={submit} aria-label={t.tabSignIn}>
      <Field label={t.registryUrl} required>
        <Input
          value={url}
          onChange={(_, d) => setUrl(d.value)}
          // Not type="url": an address typed without https:// is completed rather than refused.
          inputMode="url"
          autoComplete="url"
          data-testid="registry-url"
        />
      </Field>
      {withToken ? (
        <Field label={t.token} required>
          <Input value={token} onChange={(_, d) => setToken(d.value)} type="password" data-testid="token" />
        </Field>
      ) : (
        <>
          <Field label={t.email} required>
            <Input value={email} onChange={(_, d) => setEmail(d.value)} type="email" data-testid="email" />
          </Field>
          <Field label={t.password} required>
            <Input
              value={password}
              onChange={(_, d) => setPassword(d.value)}
              type="password"
              data-testid="password"
            />
          </Field>
        </>
      )}
      {error && (
        <MessageBar intent="error" data-testid="sign-in-error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <Button appearance="primary" type="submit" disabled={busy} data-testid="sign-in">
        {busy ? t.signingIn : t.signIn}
      </Button>
      <Link as="button" type="button" onClick={() => setWithToken(!withToken)}>
        {withToken ? t.usePassword : t.useToken}
      </Link>
    </form>
  );
}
