import { secp256k1 } from "@noble/curves/secp256k1";
import { HDKey } from "@scure/bip32";
import { bytesToHex, publicKeyToAddress } from "viem/utils";
import { DomainError } from "../../errors/domain-error";

/**
 * The deposit address for one invoice: child `0/<invoice id>` of the account-level extended PUBLIC
 * key in ONCHAIN_XPUB (for a BIP-44 wallet, m/44'/60'/0'). The edge can derive every address and
 * spend from none; the wallet holding the seed sees each deposit at address index <invoice id>.
 */
export function depositAddress(xpub: string, invoiceId: number): `0x${string}` {
  let account: HDKey;
  try {
    account = HDKey.fromExtendedKey(xpub);
  } catch {
    throw new DomainError(
      "CONFLICT",
      "on-chain payments are not configured (ONCHAIN_XPUB is not an extended public key)",
    );
  }
  const child = account.deriveChild(0).deriveChild(invoiceId);
  const uncompressed = secp256k1.ProjectivePoint.fromHex(child.publicKey!).toRawBytes(false);
  return publicKeyToAddress(bytesToHex(uncompressed)).toLowerCase() as `0x${string}`;
}
