import { describe, expect, it } from "vitest";
import { en } from "./en";
import { fa } from "./fa";
import { interpolate, pickLocale } from "./index";
import { ru } from "./ru";
import { zhCN } from "./zh-CN";

describe("languages", () => {
  it("follows the browser's first supported language", () => {
    expect(pickLocale(["fa-IR", "en-US"])).toBe("fa");
    expect(pickLocale(["de-DE", "ru"])).toBe("ru");
    expect(pickLocale(["zh-TW"])).toBe("zh-CN");
    expect(pickLocale(["de"])).toBe("en");
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(interpolate("{count} of {total}", { count: 3, total: 10 })).toBe("3 of 10");
    expect(interpolate("{missing}")).toBe("{missing}");
  });

  it("translates every message, keeping its placeholders", () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const dictionary of [ru, fa, zhCN]) {
      expect(Object.keys(dictionary).sort()).toEqual(Object.keys(en).sort());
      for (const key of Object.keys(en) as (keyof typeof en)[]) {
        expect(placeholders(dictionary[key]), key).toEqual(placeholders(en[key]));
      }
    }
  });
});
