/**
 * Words of the billing invoices screens in every language. English registers itself when a screen
 * that imports this module loads (addEnglish); the other languages join their tables (../ru.ts, …),
 * which load on demand anyway. Each language has exactly the English keys.
 */
import { addEnglish, type Plural } from "../index";

export const invoicesEn = {} satisfies Record<string, string | Plural>;
addEnglish(invoicesEn);

type Table = { [K in keyof typeof invoicesEn]: (typeof invoicesEn)[K] extends string ? string : Plural };
export const invoicesRu: Table = {};
export const invoicesFa: Table = {};
export const invoicesZhCN: Table = {};
