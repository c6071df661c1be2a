import { describe, expect, it } from "vitest";
import { targetUrlProblem } from "./target-url";

describe("webhook target URLs", () => {
  it("accepts a public https endpoint", () => {
    expect(targetUrlProblem("https://hooks.example.com/vortex?x=1", false)).toBeNull();
    expect(targetUrlProblem("https://93.184.216.34:8443/in", false)).toBeNull();
    expect(targetUrlProblem("https://[2606:4700::1111]/in", false)).toBeNull();
  });

  it("refuses http, other schemes, credentials and garbage on a deployed panel", () => {
    expect(targetUrlProblem("http://hooks.example.com/", false)).toMatch(/https/);
    expect(targetUrlProblem("ftp://hooks.example.com/", false)).toMatch(/https/);
    expect(targetUrlProblem("https://user:pw@hooks.example.com/", false)).toMatch(/password/);
    expect(targetUrlProblem("not a url", false)).toMatch(/valid/);
  });

  it.each([
    "https://localhost/",
    "https://LOCALHOST./",
    "https://api.localhost/",
    "https://127.0.0.1/",
    "https://127.1/",
    "https://2130706433/",
    "https://0x7f000001/",
    "https://0.0.0.0/",
    "https://10.1.2.3/",
    "https://172.16.0.1/",
    "https://172.31.255.255/",
    "https://192.168.1.1/",
    "https://169.254.169.254/latest/meta-data",
    "https://100.64.0.1/",
    "https://100.127.255.254/",
    "https://[::1]/",
    "https://[::]/",
    "https://[::ffff:127.0.0.1]/",
    "https://[::ffff:10.0.0.1]/",
    "https://[64:ff9b::192.168.0.1]/",
    "https://[fd00::1]/",
    "https://[fc12:3456::1]/",
    "https://[fe80::1]/",
  ])("refuses the private or loopback target %s", (url) => {
    expect(targetUrlProblem(url, false)).toMatch(/localhost|private/);
  });

  it("keeps neighbours of private ranges public", () => {
    for (const url of ["https://172.32.0.1/", "https://100.128.0.1/", "https://11.0.0.1/", "https://[2001:db9::1]/"])
      expect(targetUrlProblem(url, false)).toBeNull();
  });

  it("lets tests and a local panel post to loopback over http when NOTIFY_ALLOW_PRIVATE_TARGETS is true", () => {
    expect(targetUrlProblem("http://127.0.0.1:9000/hook", true)).toBeNull();
    expect(targetUrlProblem("https://localhost/hook", true)).toBeNull();
    expect(targetUrlProblem("ftp://127.0.0.1/", true)).toMatch(/http/);
  });
});
