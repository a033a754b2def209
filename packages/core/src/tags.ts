import type { Initiative } from './model.js';

/** The word for one of an initiative's tags: its label where the data source sent one, else the tag itself. */
export function tagLabel(initiative: Pick<Initiative, 'tagLabels'>, tag: string): string {
  const label = initiative.tagLabels?.[tag];
  return typeof label === 'string' && label.trim() ? label : tag;
}
