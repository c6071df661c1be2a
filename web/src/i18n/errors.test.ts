import { describe, expect, it } from "vitest";
import { ApiError } from "../api/client";
import { errorText } from "./errors";

describe("error texts", () => {
  it("tells a signed-out admin to sign in again, never the API's 'sign in first'", () => {
    const text = errorText(new ApiError("sign in first", "UNAUTHENTICATED"));
    expect(text).toBe("You are signed out. Sign in again to continue.");
    expect(text).not.toContain("sign in first");
  });

  it("says what the sign-in form means where the form asks", () => {
    const refused = new ApiError("username or password is wrong", "UNAUTHENTICATED");
    expect(errorText(refused, { UNAUTHENTICATED: "login.refused" })).toBe(
      "The username, password or code was not accepted.",
    );
  });

  it("keeps the server's specifics where they are the point: which name is taken, which entry was refused", () => {
    expect(errorText(new ApiError('a user named "bob" already exists', "CONFLICT"))).toBe(
      'That could not be done: a user named "bob" already exists',
    );
    const refused = new ApiError("blockedCidrs.1: the prefix length must be 0 to 32", "BAD_USER_INPUT", [
      { path: "blockedCidrs.1", message: "the prefix length must be 0 to 32" },
    ]);
    expect(errorText(refused)).toBe("Some entries were not accepted: the prefix length must be 0 to 32");
  });

  it("names a code it does not know as the panel's fault, keeping the message to report", () => {
    expect(errorText(new ApiError("Unexpected error.", "INTERNAL_SERVER_ERROR"))).toBe(
      "Something went wrong in the panel (Unexpected error.). Try again; if it keeps happening, tell whoever runs it.",
    );
  });

  it("shows a page's own failure as it was written", () => {
    expect(errorText(new Error("The user said no"))).toBe("The user said no");
  });
});
