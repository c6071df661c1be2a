import type { PanelEvent } from "../events/catalogue";
import type { Db } from "../db/client";
import type { Actor } from "../auth/roles";
import type { ClientMeta, SessionConfig } from "../auth/sessions";
import type { LiveEvent } from "../live/topics";
import type { Loaders } from "./loaders";

/** What every resolver receives. Built once per request by the `context` factory in ./yoga.ts. */
export interface AppContext {
  env: Env;
  db: Db;
  client: ClientMeta;
  /** Scheme and host the request came in on; the default base of subscription URLs. */
  origin: string;
  sessions: SessionConfig;
  nowSec: () => number;
  /** The signed-in admin, or null. Resolved lazily: sign-in needs no session lookup. */
  authenticate: () => Promise<Actor | null>;
  /** Asks again whether the request's session is valid now: for streams that outlive a check. */
  sessionStillValid: () => Promise<boolean>;
  loaders: Loaders;
  /** Announces events to live subscribers without delaying the response. */
  publish: (events: LiveEvent[]) => void;
  /** News for the notification centre and every channel (events/emit.ts), without delaying the response. */
  emit: (events: PanelEvent[]) => void;
}

/** The context after the authorisation layer has admitted a signed-in caller. */
export interface SignedInContext extends AppContext {
  actor: Actor;
}
