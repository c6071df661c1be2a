/** Placeholder until the screen lands (issue 16). */
import { t } from "../../i18n";
import "../../i18n/billing/revenue";

export default function RevenuePage() {
  return <h1>{t("nav.revenue")}</h1>;
}
