import { env } from "cloudflare:workers";
import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import { createDb } from "../../db/client";
import type { SignedInContext } from "../../graphql/context";
import { toBase64Url } from "../../lib/base64";
import { secretBox } from "../../lib/secret-box";
import { subscriptionSecretContext } from "../../import/table";
import { gql, ok, ownerToken } from "../../test/api";
import { resealSecrets } from "./reseal";

describe("rotating SECRETS_KEY", () => {
  it("reseals TOTP secrets and imported subscription secrets under the new first key, after which the old key can go", async () => {
    const token = await ownerToken();
    const { beginTotpEnrollment } = ok(await gql(`mutation { beginTotpEnrollment { secret } }`, {}, { token }));
    ok(
      await gql(
        `mutation ($code: String!) { confirmTotpEnrollment(code: $code) }`,
        { code: new TOTP({ secret: Secret.fromBase32(beginTotpEnrollment.secret) }).generate() },
        { token },
      ),
    );
    const { me } = ok(await gql(`{ me { id username role } }`, {}, { token }));

    const newKey = `k2:${toBase64Url(crypto.getRandomValues(new Uint8Array(32)))}`;
    const ctx = {
      env: { ...env, SECRETS_KEY: `${newKey},${env.SECRETS_KEY}` },
      db: createDb(env.DB),
      actor: {
        id: Number(me.id),
        username: me.username,
        role: "owner",
        sessionId: "s",
        maxUsers: null,
        maxDataLimitBytes: null,
        mustEnrollTotp: false,
      },
      client: { ip: "192.0.2.1", userAgent: null, country: null },
      nowSec: () => Math.floor(Date.now() / 1000),
    } as unknown as SignedInContext;
    // A Marzban secret an import keeps, sealed under the old key like the TOTP secret.
    const context = subscriptionSecretContext("marzban", "old.example.com");
    const marzbanSecret = "4f3c2b1a09f8e7d6c5b4a3928170f6e5d4c3b2a1908f7e6d5c4b3a2918070605";
    await env.DB.prepare(
      `INSERT INTO import_sources (kind, instance, subscription_secret) VALUES ('marzban', 'old.example.com', ?)`,
    )
      .bind(await (await secretBox(env.SECRETS_KEY)).seal(marzbanSecret, context))
      .run();
    expect(await resealSecrets(ctx)).toBe(2);
    expect(await resealSecrets(ctx)).toBe(0);
    const source = await env.DB.prepare(
      `SELECT subscription_secret FROM import_sources WHERE instance = 'old.example.com'`,
    ).first<{
      subscription_secret: string;
    }>();
    expect(await (await secretBox(newKey)).open(source!.subscription_secret, context)).toBe(marzbanSecret);

    const row = await env.DB.prepare(`SELECT secret_sealed FROM admin_totp WHERE admin_id = ?`)
      .bind(Number(me.id))
      .first<{ secret_sealed: string }>();
    expect(row!.secret_sealed).toMatch(/^v1\.k2\./);
    expect(await (await secretBox(newKey)).open(row!.secret_sealed, `totp:admin:${me.id}`)).toBe(
      beginTotpEnrollment.secret,
    );
    const audit = await env.DB.prepare(
      `SELECT details FROM audit_log WHERE action = 'auth.secrets_reseal' ORDER BY id`,
    ).all<{ details: string }>();
    expect(audit.results.map((r) => JSON.parse(r.details))).toEqual([
      { resealed: 2, keyId: "k2" },
      { resealed: 0, keyId: "k2" },
    ]);
  });
});
