/** Browser side of the commands in wtr-plugins.mjs. */
import { executeServerCommand } from '@web/test-runner-commands';

export interface CommandResult {
  supported: boolean;
  reason?: string;
  urls?: string[];
}

/** Emulate media features (`forced-colors`, `prefers-reduced-motion`…); `[]` resets them. */
export const emulateMediaFeatures = (features: { name: string; value: string }[]) =>
  executeServerCommand<CommandResult, { features: typeof features }>('civic-emulate-media', { features });

/** Record every request this page makes (the browser's own network events, not what the page reports). */
export const startRecordingRequests = () => executeServerCommand<CommandResult, undefined>('civic-requests-start');
export const stopRecordingRequests = () => executeServerCommand<CommandResult, undefined>('civic-requests-stop');

export interface HeapReport extends CommandResult {
  /** JS heap in use after a full collection, bytes. */
  heap?: number;
  documents?: number;
  nodes?: number;
  jsEventListeners?: number;
}
/** Collect garbage, then read the JS heap in use and the DOM counters (nodes, listeners) of the page. */
export const heapAfterCollection = () => executeServerCommand<HeapReport, undefined>('civic-heap');

/** Make this page the one in front (tests run two pages at a time; the one behind gets no frames). */
export const bringToFront = () => executeServerCommand<CommandResult, undefined>('civic-bring-to-front');

export interface FocusedNode extends CommandResult {
  role?: string;
  name?: string;
  description?: string;
}
/**
 * The role, accessible name and description Chromium's accessibility tree gives the focused element
 * (through shadow roots): what a screen reader is handed, spaces and all. `frame`: part of the URL of
 * the frame to look in (default: the test page itself).
 */
export const focusedNode = (frame?: string) =>
  executeServerCommand<FocusedNode, { frame?: string | undefined }>('civic-focused-ax', { frame });
