import { RegistryError } from '../../registry/errors';
import { type Language, type MessageKey, translate } from '../i18n';

/** What went wrong and what the reader can do about it, in their language. */
export function explainError(lang: Language, error: unknown): string {
  const t = (k: MessageKey, p?: Record<string, string>) => translate(lang, k, p);
  if (!(error instanceof RegistryError)) {
    return t('error.other', { status: '—', detail: error instanceof Error ? error.message : String(error) });
  }
  const detail = lang === 'zh-CN' && error.detailZh ? error.detailZh : error.detail;
  if (error.status === 0) return t('error.unreachable', { detail });
  if (error.status === 401) return t('error.signedOut');
  if (error.status === 403) return t('error.forbidden', { detail });
  if (error.status === 404) return t('error.notFound', { detail });
  if (error.status === 409) return t('error.conflict', { detail });
  return t('error.other', { status: String(error.status), detail });
}

/** True when the registry does not have the endpoint (an older registry): shown as "not available yet". */
export const isMissing = (error: unknown): boolean => error instanceof RegistryError && error.status === 404;

export function ErrorNote({
  lang,
  error,
  onRetry,
}: {
  lang: Language;
  error: unknown;
  onRetry?: () => void;
}) {
  return (
    <div className="status error" role="alert">
      {explainError(lang, error)}
      {onRetry ? ' ' : null}
      {onRetry ? (
        <button type="button" className="secondary retry" onClick={onRetry}>
          {translate(lang, 'retry')}
        </button>
      ) : null}
    </div>
  );
}

/** A section's answer that failed: "not on this registry yet" for a missing endpoint, else the error. */
export function SectionError({
  lang,
  error,
  onRetry,
}: {
  lang: Language;
  error: unknown;
  onRetry?: () => void;
}) {
  if (isMissing(error)) {
    return (
      <p className="meta" data-missing="">
        {translate(lang, 'notAvailable')}
      </p>
    );
  }
  return <ErrorNote lang={lang} error={error} onRetry={onRetry} />;
}
