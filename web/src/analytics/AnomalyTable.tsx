import { A } from "@solidjs/router";
import { Table } from "../components/Table";
import type { AnomalyFieldsFragment } from "../graphql/generated/graphql";
import { locale, t } from "../i18n";
import { formatBytes, formatDateTime, formatNumber } from "../lib/format";

/** What an anomaly saw against what is normal: bytes in an hour for a spike, addresses against the device limit for sharing. */
function measure(anomaly: AnomalyFieldsFragment, value: number): string {
  return anomaly.kind === "USAGE_SPIKE" ? formatBytes(value, locale()) : formatNumber(value, locale());
}

export function AnomalyTable(props: { anomalies: AnomalyFieldsFragment[]; showUser?: boolean }) {
  return (
    <Table
      headers={[
        t("anomaly.hour"),
        ...(props.showUser ? [t("anomaly.user")] : []),
        t("anomaly.kind"),
        t("anomaly.observed"),
        t("anomaly.baseline"),
      ]}
      rows={props.anomalies}
      empty={t("anomaly.none")}
    >
      {(a) => (
        <tr data-anomaly={a.id}>
          <td>{formatDateTime(a.hour, locale())}</td>
          {props.showUser && (
            <td>
              <A href={`/users/${a.user.id}`}>{a.user.username}</A>
            </td>
          )}
          <td>{t(`anomalyKind.${a.kind}`)}</td>
          <td>{measure(a, a.observed)}</td>
          <td>{measure(a, a.baseline)}</td>
        </tr>
      )}
    </Table>
  );
}
