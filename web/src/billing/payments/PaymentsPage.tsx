/** Placeholder until the screen lands (issue 16). */
import { t } from "../../i18n";
import "../../i18n/billing/payments";
import { StripeCard } from "./StripeCard";

export default function PaymentsPage() {
  return (
    <>
      <h1>{t("nav.payments")}</h1>
      <StripeCard />
    </>
  );
}
