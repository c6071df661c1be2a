import { describe, expect, it } from "vitest";
import { UsernameAllocator, validUsername } from "./usernames";

describe("validUsername", () => {
  it("takes letters and digits of any script, and _ . - @, as they are", () => {
    expect(validUsername("مریم")).toEqual({ username: "مریم" });
    expect(validUsername("Мария_1.a-b@c")).toEqual({ username: "Мария_1.a-b@c" });
  });

  it("turns each other character into _ and says so", () => {
    expect(validUsername("José Ñ 🚀")).toEqual({
      username: "José_Ñ__",
      adjustment: 'username "José Ñ 🚀" became "José_Ñ__": characters other than letters, digits, _ . - @ became _',
    });
  });

  it("cuts names past 64 characters without splitting a character", () => {
    const long = "ж".repeat(70);
    expect(validUsername(long)).toEqual({
      username: "ж".repeat(64),
      adjustment: `username "${long}" became "${"ж".repeat(64)}": cut to 64 characters`,
    });
  });

  it("gives an empty name a placeholder", () => {
    expect(validUsername("").username).toBe("_");
  });
});

describe("UsernameAllocator", () => {
  it("keeps names unique regardless of case, numbering the later ones", () => {
    const names = new UsernameAllocator();
    expect(names.allocate("dup user").username).toBe("dup_user");
    expect(names.allocate("Dup_User")).toEqual({
      username: "Dup_User_2",
      adjustment: 'username "Dup_User" became "Dup_User_2": the name is taken',
    });
    expect(names.allocate("DUP_USER").username).toBe("DUP_USER_3");
  });

  it("stays within 64 characters when it numbers a long name", () => {
    const names = new UsernameAllocator();
    names.allocate("a".repeat(64));
    expect(names.allocate("A".repeat(64)).username).toBe(`${"A".repeat(62)}_2`);
  });
});
