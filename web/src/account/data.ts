/** The signed-in admin's own reads and changes; each change names the reads it makes stale. */
import { request } from "../api/client";
import { createPasskey } from "../api/webauthn";
import {
  AccountOverview,
  BeginPasskeyRegistration,
  ConfirmTotpEnrollment,
  DisableTotp,
  FinishPasskeyRegistration,
  MyPasskeys,
  MySessions,
  RegenerateBackupCodes,
  RemovePasskey,
  RenamePasskey,
  RevokeOtherSessions,
  RevokeSession,
  SetIpAllowlist,
  SetPasswordLogin,
} from "../graphql/account";
import { mutation, signedInQuery } from "../lib/query";

export const overviewQuery = signedInQuery(() => request(AccountOverview), "accountOverview");
export const passkeysQuery = signedInQuery(async () => (await request(MyPasskeys)).myPasskeys, "myPasskeys");
export const sessionsQuery = signedInQuery(async () => (await request(MySessions)).mySessions, "mySessions");

export const setOwnNetworks = mutation((cidrs: string[]) => request(SetIpAllowlist, { cidrs }), "setOwnNetworks", [
  overviewQuery,
]);

// Passkeys decide whether password sign-in may be switched off, which the overview reports.
const passkeyReads = [passkeysQuery, overviewQuery];
/** The browser creates the passkey between the two halves of the ceremony. */
export const addPasskey = mutation(
  async (name: string) => {
    const { beginPasskeyRegistration: ceremony } = await request(BeginPasskeyRegistration);
    const response = await createPasskey(ceremony.options);
    await request(FinishPasskeyRegistration, { input: { challengeToken: ceremony.challengeToken, name, response } });
  },
  "addPasskey",
  passkeyReads,
);
export const renamePasskey = mutation(
  (id: string, name: string) => request(RenamePasskey, { id, name }),
  "renamePasskey",
  passkeyReads,
);
export const removePasskey = mutation((id: string) => request(RemovePasskey, { id }), "removePasskey", passkeyReads);
export const setPasswordLogin = mutation(
  (enabled: boolean) => request(SetPasswordLogin, { enabled }),
  "setPasswordLogin",
  passkeyReads,
);

export const revokeSession = mutation((id: string) => request(RevokeSession, { id }), "revokeSession", [sessionsQuery]);
export const revokeOtherSessions = mutation(
  async () => (await request(RevokeOtherSessions)).revokeOtherSessions,
  "revokeOtherSessions",
  [sessionsQuery],
);

export const confirmTotp = mutation(
  async (code: string) => (await request(ConfirmTotpEnrollment, { code })).confirmTotpEnrollment,
  "confirmTotp",
  [overviewQuery],
);
export const disableTotp = mutation((code: string) => request(DisableTotp, { code }), "disableTotp", [overviewQuery]);
export const renewBackupCodes = mutation(
  async (code: string) => (await request(RegenerateBackupCodes, { code })).regenerateBackupCodes,
  "renewBackupCodes",
  [overviewQuery],
);
