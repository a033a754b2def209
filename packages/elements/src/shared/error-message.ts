import type { CivicError, LocalizeController } from '@civic-kit/core';
import type { CivicTranslation } from '../translations/translation.js';

/** The words a person sees for an error code: plain, and saying what to do next. */
export function errorText(localize: LocalizeController<CivicTranslation>, error: CivicError): string {
  switch (error.code) {
    case 'network':
    case 'aborted':
      return localize.term('errorNetwork');
    case 'not-found':
      return localize.term('errorNotFound');
    case 'invalid-response':
    case 'invalid-request':
      return localize.term('errorInvalid');
    case 'unauthorized':
      return localize.term('errorUnauthorized');
    case 'rate-limited':
      return localize.term('errorRateLimited');
    case 'closed':
      return localize.term('errorClosed');
    case 'conflict':
      return localize.term('errorConflict');
    case 'unsupported':
      return localize.term('errorUnsupported');
    case 'misconfigured':
      return localize.term('errorMisconfigured');
  }
}
