import type { Translation } from '@civic-kit/core';

/**
 * Every user-facing string. Numbers arrive already formatted for the locale, with the raw count
 * beside them for plural choice. Each locale `satisfies` this type, so a missing key fails the build.
 */
export interface CivicTranslation extends Translation {
  loading: string;
  retry: string;
  errorLoading: string;
  errorNetwork: string;
  errorNotFound: string;
  errorInvalid: string;
  errorUnauthorized: string;
  errorRateLimited: string;
  errorClosed: string;
  errorConflict: string;
  errorUnsupported: string;
  errorNoSource: string;
  errorMisconfigured: string;
  errorUnknownAdapter: (name: string, known: string) => string;

  statusProposed: string;
  statusActive: string;
  statusCompleted: string;
  statusClosed: string;
  status: string;
  where: string;
  areaOnly: string;
  when: string;
  organisedBy: string;
  topics: string;
  from: (source: string) => string;
  machineTranslated: string;
  moreAbout: (title: string) => string;

  supporters: (count: number, formatted: string) => string;
  supportersOfGoal: (count: number, formatted: string, goal: string, percent: string) => string;
  goalReached: string;
  startsOn: (date: string) => string;
  endsOn: (date: string) => string;
  endedOn: (date: string) => string;
  runsUntil: (start: string, end: string) => string;
  support: string;
  youSupport: string;
  supportSending: string;
  supportThanks: string;
  supportFailed: (reason: string) => string;
  supportRetry: string;
  /** A support waits in the queue because the data source could not be reached; it is sent again by itself. */
  supportQueued: string;
  /** A support waits in the queue because the browser is offline. */
  supportQueuedOffline: string;
  initiativeNotFound: string;
}
