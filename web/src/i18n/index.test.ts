import { describe, expect, it } from "vitest";
import { invoicesEn } from "./billing/invoices";
import { paymentsEn } from "./billing/payments";
import { plansEn } from "./billing/plans";
import { revenueEn } from "./billing/revenue";
import { en as coreEn } from "./en";
import { fa } from "./fa";
import { interpolate, type Locale, pickLocale, pluralForm, type Plural } from "./index";
import { ru } from "./ru";
import { monitoringEn } from "./monitoring-en";
import { safetyEn } from "./safety-en";
import { zhCN } from "./zh-CN";

/** English as a reader meets it: the first load's table and the lazy pages' parts. */
const en = { ...coreEn, ...safetyEn, ...monitoringEn, ...plansEn, ...invoicesEn, ...paymentsEn, ...revenueEn };

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

  it("translates every message, keeping its placeholders in each of its forms", () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const forms = (message: string | Plural) => (typeof message === "string" ? [message] : Object.values(message));
    for (const dictionary of [ru, fa, zhCN]) {
      expect(Object.keys(dictionary).sort()).toEqual(Object.keys(en).sort());
      for (const key of Object.keys(en) as (keyof typeof en)[]) {
        const expected = placeholders(forms(en[key])[0]);
        for (const form of forms(dictionary[key])) expect(placeholders(form), key).toEqual(expected);
      }
    }
  });

  it("gives every counting message exactly the plural forms its language's rules choose between", () => {
    const dictionaries: [Locale, Record<string, string | Plural>][] = [
      ["en", en],
      ["ru", ru],
      ["fa", fa],
      ["zh-CN", zhCN],
    ];
    for (const [locale, dictionary] of dictionaries) {
      const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      for (const [key, message] of Object.entries(dictionary))
        if (typeof message !== "string")
          expect(Object.keys(message).sort(), `${locale} ${key}`).toEqual([...categories].sort());
    }
  });

  it("picks the plural form by the count, as each language counts", () => {
    expect(pluralForm(en["users.count"], "en", 1)).toBe("{count} user");
    expect(pluralForm(en["users.count"], "en", 0)).toBe("{count} users");
    expect(pluralForm(ru["users.count"], "ru", 21)).toBe("{count} пользователь");
    expect(pluralForm(ru["users.count"], "ru", 3)).toBe("{count} пользователя");
    expect(pluralForm(ru["users.count"], "ru", 11)).toBe("{count} пользователей");
    expect(pluralForm(zhCN["users.count"], "zh-CN", 1)).toBe("共 {count} 个用户");
  });
});
