import { describe, expect, it } from "vitest";
import { interpolate, pluralForm, type MessageKey, type t as translate } from "../../i18n";
import { ru } from "../../i18n/ru";
import { planPreview, type PlanTermsPreview } from "./preview";

const GIB = 2 ** 30;
const terms = (changes: Partial<PlanTermsPreview> = {}): PlanTermsPreview => ({
  dataLimit: 5 * GIB,
  durationDays: 30,
  resetStrategy: "NONE",
  deviceLimit: null,
  groupNames: [],
  ...changes,
});

/** Russian as the page would show it once the language is switched (the real table, the real plural rules). */
const russian = ((key: MessageKey, params: Record<string, string | number> = {}) => {
  const message = ru[key];
  const template = typeof message === "string" ? message : pluralForm(message, "ru", params.count as number);
  return interpolate(template, params);
}) as typeof translate;

describe("the plan preview", () => {
  it("tells how a LIMITED or EXPIRED user starts over and an ACTIVE one keeps going", () => {
    expect(planPreview(terms(), undefined, "en")).toEqual([
      "A LIMITED or EXPIRED user starts over: usage from zero, a 5 GB limit and 30 days from payment.",
      "An ACTIVE user keeps going: 5 GB added to what is left, 30 days added to its expiry.",
      "A user on hold, not yet connected, gets 30 days added to its wait.",
      "Its usage never resets by itself.",
      "Its device limit stays as it is.",
      "Its groups stay as they are.",
    ]);
  });

  it("says unlimited data and no expiry when the plan sets neither, with nothing about a wait", () => {
    expect(planPreview(terms({ dataLimit: null, durationDays: null }), undefined, "en").slice(0, 3)).toEqual([
      "A LIMITED or EXPIRED user starts over: usage from zero, unlimited data and no expiry.",
      "An ACTIVE user keeps going: its data becomes unlimited, and it no longer expires.",
      "Its usage never resets by itself.",
    ]);
    expect(planPreview(terms({ durationDays: 1 }), undefined, "en")[0]).toBe(
      "A LIMITED or EXPIRED user starts over: usage from zero, a 5 GB limit and 1 day from payment.",
    );
  });

  it("names the reset strategy, device limit and groups that replace the user's", () => {
    const preview = planPreview(
      terms({ dataLimit: 1.5 * GIB, resetStrategy: "MONTH", deviceLimit: 3, groupNames: ["eu", "us"] }),
      undefined,
      "en",
    );
    expect(preview[0]).toContain("a 1.5 GB limit");
    expect(preview.slice(3)).toEqual([
      "Its usage then resets monthly.",
      "Its device limit becomes 3 devices.",
      "Its groups become: eu, us.",
    ]);
    expect(planPreview(terms({ deviceLimit: 0 }), undefined, "en")[4]).toBe("Its device limit is removed.");
  });

  it("speaks the admin's language with its plural forms and units", () => {
    expect(planPreview(terms({ durationDays: 21, deviceLimit: 2 }), russian, "ru").slice(0, 2)).toEqual([
      "Пользователь с исчерпанным лимитом или истёкший начинает заново: трафик с нуля, лимит 5 ГБ и 21 день с оплаты.",
      "Активный пользователь продолжает: к остатку добавляется 5 ГБ, к сроку — 21 день.",
    ]);
  });
});
