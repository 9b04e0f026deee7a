import type { LocalizedMessage } from '../queue/types';

/** An answer of the registry that was not a success, or no answer at all (status 0). */
export class RegistryError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    /** The registry's own Chinese wording of `detail`, when its problem answer carries one. */
    readonly detailZh?: string,
  ) {
    super(
      status === 0
        ? `The registry could not be reached: ${detail}`
        : `Registry answered ${status}: ${detail}`,
    );
    this.name = 'RegistryError';
  }

  /** Worth trying again later: no answer, the server busy or failing, or a conflict that may clear. */
  get retryable(): boolean {
    return (
      this.status === 0 ||
      this.status === 408 ||
      this.status === 409 ||
      this.status === 429 ||
      this.status >= 500
    );
  }

  get signedOut(): boolean {
    return this.status === 401;
  }
}

/** The message a person sees for a failed registry call, in both languages. */
export function describeRegistryError(err: RegistryError): LocalizedMessage {
  if (err.status === 0) {
    return {
      code: 'registry.unreachable',
      zh: `无法连接登记系统，稍后自动重试（${err.detail}）。`,
      en: `The registry could not be reached; trying again later (${err.detail}).`,
    };
  }
  if (err.signedOut) {
    return {
      code: 'registry.signed-out',
      zh: '登录已失效：请在设置中重新登录，然后重试。',
      en: 'You are signed out: sign in again in the options, then retry.',
    };
  }
  return {
    code: `registry.http-${err.status}`,
    zh: `登记系统拒绝了请求（${err.status}）：${err.detailZh ?? err.detail}`,
    en: `The registry refused the request (${err.status}): ${err.detail}`,
  };
}
