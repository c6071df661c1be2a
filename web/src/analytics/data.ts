/** The analytics page's read and the user page's insights. */
import { request } from "../api/client";
import { AnalyticsPage, UserInsights } from "../graphql/analytics";
import type { TimePeriod } from "../graphql/generated/graphql";
import { signedInQuery } from "../lib/query";

export const analyticsQuery = signedInQuery(
  async (period: TimePeriod) => (await request(AnalyticsPage, { period })).analytics,
  "analytics",
);
export const userInsightsQuery = signedInQuery((userId: string) => request(UserInsights, { userId }), "userInsights");
