/** Who is signed in, loaded once per session for the shell (name, and whether owner-only pages show). */
import { createResource, createRoot } from "solid-js";
import { hasSession, request } from "./api/client";
import { Me, MustEnrollTotp } from "./graphql/auth";
import type { MeQuery } from "./graphql/generated/graphql";

export type SignedInAdmin = MeQuery["me"];

const [resource, { refetch }] = createRoot(() =>
  createResource(async () => (hasSession() ? (await request(Me)).me : undefined)),
);

let generation = 0;

/** The signed-in admin, or undefined while loading, signed out or unreachable (reading never throws). */
export const me = (): SignedInAdmin | undefined => (resource.state === "ready" ? resource() : undefined);

/**
 * Which sign-in this is. Anything loaded ahead of time remembers it and is thrown away when it has
 * changed, so one admin's answers (or the refusals of a signed-out visit) never reach the next.
 */
export const sessionGeneration = (): number => generation;

/** Call after every sign-in and sign-out: who is signed in may have changed. */
export function refetchMe(): void {
  generation++;
  void refetch();
}

/**
 * After any sign-in: an admin whose role requires TOTP and who has none may only enroll, so it
 * lands on the account page; everyone else on the dashboard.
 */
export async function enterApp(navigate: (to: string, options: { replace: boolean }) => void): Promise<void> {
  refetchMe();
  const { twoFactor } = await request(MustEnrollTotp);
  navigate(twoFactor.mustEnrollTotp ? "/account" : "/", { replace: true });
}
