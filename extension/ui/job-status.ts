import type { CaptureJob } from '../queue/types';
import { type Language, localized, translate } from './i18n';

export type StatusTone = 'info' | 'success' | 'warning' | 'error';

/** One line saying where a capture stands, in the user's language. */
export function jobStatus(job: CaptureJob, lang: Language): { text: string; tone: StatusTone } {
  switch (job.state) {
    case 'queued':
      return { text: translate(lang, 'queued'), tone: 'info' };
    case 'uploading':
      return { text: translate(lang, job.step ? `step.${job.step}` : 'working'), tone: 'info' };
    case 'filed': {
      const number = job.result?.number ?? '';
      return job.result?.alreadyFiled
        ? { text: translate(lang, 'alreadyFiledAs', { number }), tone: 'warning' }
        : { text: translate(lang, 'filedAs', { number }), tone: 'success' };
    }
    case 'retrying': {
      const time = new Date(job.nextAttemptAt).toLocaleTimeString(lang);
      const error = job.lastError ? localized(lang, job.lastError) : '';
      return { text: translate(lang, 'retrying', { time, error }), tone: 'warning' };
    }
    case 'failed':
      return {
        text: translate(lang, 'failed', { error: job.lastError ? localized(lang, job.lastError) : '' }),
        tone: 'error',
      };
  }
}
