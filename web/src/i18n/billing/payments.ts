/**
 * Words of the billing payments screens in every language. English registers itself when a screen
 * that imports this module loads (addEnglish); the other languages join their tables (../ru.ts, …),
 * which load on demand anyway. Each language has exactly the English keys.
 */
import { addEnglish, type Plural } from "../index";

export const paymentsEn = {} satisfies Record<string, string | Plural>;
addEnglish(paymentsEn);

type Table = { [K in keyof typeof paymentsEn]: (typeof paymentsEn)[K] extends string ? string : Plural };
export const paymentsRu: Table = {};
export const paymentsFa: Table = {};
export const paymentsZhCN: Table = {};
