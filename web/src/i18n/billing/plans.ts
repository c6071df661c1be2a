/**
 * Words of the billing plans screens in every language. English registers itself when a screen
 * that imports this module loads (addEnglish); the other languages join their tables (../ru.ts, …),
 * which load on demand anyway. Each language has exactly the English keys.
 */
import { addEnglish, type Plural } from "../index";

export const plansEn = {} satisfies Record<string, string | Plural>;
addEnglish(plansEn);

type Table = { [K in keyof typeof plansEn]: (typeof plansEn)[K] extends string ? string : Plural };
export const plansRu: Table = {};
export const plansFa: Table = {};
export const plansZhCN: Table = {};
