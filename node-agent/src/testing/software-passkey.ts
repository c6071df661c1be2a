/**
 * A passkey without a browser: a platform authenticator in software for Node-side stories that
 * sign in through the panel's own WebAuthn ceremonies (beginPasskeyRegistration / beginPasskeyLogin).
 * One ES256 (P-256) key, attestation "none", user presence and verification always given, and a
 * signature counter that moves forward on every assertion, as the panel requires.
 */
import { type CBORType, encodeCBOR } from "@levischuck/tiny-cbor";
import { createHash, generateKeyPairSync, randomBytes, sign } from "node:crypto";

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64url");
const sha256 = (bytes: Uint8Array | string) => createHash("sha256").update(bytes).digest();
const uint32 = (n: number) => {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(n);
  return bytes;
};

/** Authenticator data flags (WebAuthn §6.1): user present, user verified, attested credential data. */
const UP = 0x01;
const UV = 0x04;
const AT = 0x40;
/** COSE: kty EC2 (2), alg ES256 (-7), crv P-256 (1), x (-2), y (-3). */
const COSE = { kty: 1, alg: 3, crv: -1, x: -2, y: -3 } as const;

interface CreationOptions {
  challenge: string;
  rp: { id?: string };
  user: { id: string };
}
interface RequestOptions {
  challenge: string;
  rpId?: string;
}

export class SoftwarePasskey {
  readonly credentialId = randomBytes(16);
  private readonly keys = generateKeyPairSync("ec", { namedCurve: "P-256" });
  private signCount = 0;
  private userHandle: string | null = null;

  /** `origin` is what a browser would put in clientDataJSON: the panel's scheme, host and port. */
  constructor(private readonly origin: string) {}

  /** The RegistrationResponseJSON a browser would return for `options` (PublicKeyCredentialCreationOptionsJSON). */
  register(options: CreationOptions): string {
    this.userHandle = options.user.id;
    const rpId = options.rp.id ?? new URL(this.origin).hostname;
    const jwk = this.keys.publicKey.export({ format: "jwk" });
    const publicKey = encodeCBOR(
      new Map<number, CBORType>([
        [COSE.kty, 2],
        [COSE.alg, -7],
        [COSE.crv, 1],
        [COSE.x, Buffer.from(jwk.x!, "base64url")],
        [COSE.y, Buffer.from(jwk.y!, "base64url")],
      ]),
    );
    const credentialIdLength = Buffer.alloc(2);
    credentialIdLength.writeUInt16BE(this.credentialId.length);
    const authData = Buffer.concat([
      sha256(rpId),
      Buffer.from([UP | UV | AT]),
      uint32(this.signCount),
      Buffer.alloc(16), // AAGUID: none, as "none" attestation allows.
      credentialIdLength,
      this.credentialId,
      publicKey,
    ]);
    const attestationObject = encodeCBOR(
      new Map<string, CBORType>([
        ["fmt", "none"],
        ["attStmt", new Map()],
        ["authData", authData],
      ]),
    );
    return JSON.stringify({
      id: b64url(this.credentialId),
      rawId: b64url(this.credentialId),
      type: "public-key",
      response: {
        clientDataJSON: b64url(this.clientData("webauthn.create", options.challenge)),
        attestationObject: b64url(attestationObject),
        transports: ["internal"],
      },
      authenticatorAttachment: "platform",
      clientExtensionResults: {},
    });
  }

  /** The AuthenticationResponseJSON a browser would return for `options` (PublicKeyCredentialRequestOptionsJSON). */
  authenticate(options: RequestOptions): string {
    if (this.userHandle === null) throw new Error("register the passkey first");
    const rpId = options.rpId ?? new URL(this.origin).hostname;
    this.signCount += 1;
    const authenticatorData = Buffer.concat([sha256(rpId), Buffer.from([UP | UV]), uint32(this.signCount)]);
    const clientDataJSON = this.clientData("webauthn.get", options.challenge);
    // ES256: ECDSA over authenticatorData ‖ SHA-256(clientDataJSON), DER-encoded (Node's default for EC keys).
    const signature = sign("sha256", Buffer.concat([authenticatorData, sha256(clientDataJSON)]), this.keys.privateKey);
    return JSON.stringify({
      id: b64url(this.credentialId),
      rawId: b64url(this.credentialId),
      type: "public-key",
      response: {
        clientDataJSON: b64url(clientDataJSON),
        authenticatorData: b64url(authenticatorData),
        signature: b64url(signature),
        userHandle: this.userHandle,
      },
      authenticatorAttachment: "platform",
      clientExtensionResults: {},
    });
  }

  private clientData(type: "webauthn.create" | "webauthn.get", challenge: string): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge, origin: this.origin, crossOrigin: false }));
  }
}
