/**
 * Words of the billing revenue screens in every language. English registers itself when a screen
 * that imports this module loads (addEnglish); the other languages join their tables (../ru.ts, …),
 * which load on demand anyway. Each language has exactly the English keys.
 */
import { addEnglish, type Plural } from "../index";

export const revenueEn = {} satisfies Record<string, string | Plural>;
addEnglish(revenueEn);

type Table = { [K in keyof typeof revenueEn]: (typeof revenueEn)[K] extends string ? string : Plural };
export const revenueRu: Table = {};
export const revenueFa: Table = {};
export const revenueZhCN: Table = {};
