/** Placeholder until the screen lands (issue 16). */
import { t } from "../../i18n";
import "../../i18n/billing/invoices";

export default function InvoicesPage() {
  return <h1>{t("nav.invoices")}</h1>;
}
