import type { PanelEvent } from "./catalogue";

export const LANGUAGES = ["en", "ru", "fa", "zh"] as const;
export type Language = (typeof LANGUAGES)[number];

/** An event as one sentence in the reader's language. (Contract stub: the events helper writes the texts.) */
export function eventText(event: PanelEvent, _language: Language): string {
  return event.kind;
}
