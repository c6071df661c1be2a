import type { Messages } from "./en";
import { en } from "./en";
export const ru: Messages = { ...en };
