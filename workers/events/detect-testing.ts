import type { EventKind, PanelEvent } from "./catalogue";

/** The events of one kind, typed as that kind (tests of the detect-* modules). */
export const ofKind = <K extends EventKind>(events: readonly PanelEvent[], kind: K): PanelEvent<K>[] =>
  events.filter((event): event is PanelEvent<K> => event.kind === kind);
