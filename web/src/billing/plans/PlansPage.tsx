/** Placeholder until the screen lands (issue 16). */
import { t } from "../../i18n";
import "../../i18n/billing/plans";

export default function PlansPage() {
  return <h1>{t("nav.plans")}</h1>;
}
