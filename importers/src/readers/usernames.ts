/** Usernames here: Unicode letters and digits plus `_ . - @`, 1 to 64 characters. */
const DISALLOWED = /[^\p{L}\p{N}_.\-@]/gu;
export const MAX_USERNAME_LENGTH = 64;

export interface ValidUsername {
  username: string;
  /** Why the peer's name was changed; absent when it is taken as it is. */
  adjustment?: string;
}

/**
 * Makes a peer's name a valid username here: each disallowed character becomes `_`, and names
 * too long are cut at 64 characters (whole code points, so no emoji is split).
 *
 * @example validUsername("Ali Reza 🚀") // { username: "Ali_Reza__", adjustment: "..." }
 */
export function validUsername(peerName: string): ValidUsername {
  const replaced = peerName.normalize("NFC").replace(DISALLOWED, "_");
  const codePoints = [...replaced];
  const username = codePoints.slice(0, MAX_USERNAME_LENGTH).join("") || "_";
  if (username === peerName) return { username };
  const reasons = [
    replaced !== peerName.normalize("NFC") && "characters other than letters, digits, _ . - @ became _",
    codePoints.length > MAX_USERNAME_LENGTH && `cut to ${MAX_USERNAME_LENGTH} characters`,
    peerName === "" && "an empty name became _",
  ].filter(Boolean);
  return { username, adjustment: `username "${peerName}" became "${username}": ${reasons.join("; ") || "normalized"}` };
}

/**
 * Hands out usernames unique regardless of case (as the panel compares them): a second
 * "alice" becomes "alice_2", and the caller learns why.
 */
export class UsernameAllocator {
  readonly #taken = new Set<string>();

  allocate(peerName: string): ValidUsername {
    const valid = validUsername(peerName);
    if (this.#claim(valid.username)) return valid;
    for (let n = 2; ; n++) {
      const suffix = `_${n}`;
      const candidate = [...valid.username].slice(0, MAX_USERNAME_LENGTH - suffix.length).join("") + suffix;
      if (this.#claim(candidate))
        return { username: candidate, adjustment: `username "${peerName}" became "${candidate}": the name is taken` };
    }
  }

  #claim(username: string): boolean {
    const folded = username.toLowerCase();
    if (this.#taken.has(folded)) return false;
    this.#taken.add(folded);
    return true;
  }
}
