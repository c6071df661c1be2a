/** Who is signed in, loaded once per session for the shell (name, and whether owner-only pages show). */
import { createResource, createRoot } from "solid-js";
import { hasSession, request } from "./api/client";
import { Me } from "./graphql/auth";

export interface SignedInAdmin {
  id: string;
  username: string;
  role: "OWNER" | "ADMIN" | "RESELLER";
}

const [resource, { refetch }] = createRoot(() => createResource(async () => (hasSession() ? (await request<{ me: SignedInAdmin }>(Me)).me : undefined)));

/** The signed-in admin, or undefined while loading, signed out or unreachable (reading never throws). */
export const me = (): SignedInAdmin | undefined => (resource.state === "ready" ? resource() : undefined);
export const refetchMe = refetch;
