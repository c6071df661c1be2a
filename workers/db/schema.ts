// Every table, for drizzle's typed client and drizzle-kit. Each table lives beside the domain that owns it.
export * from "../admins/table";
export * from "../auth/table";
export * from "../inbounds/table";
export * from "../nodes/table";
export * from "../groups/table";
export * from "../users/table";
export * from "../settings/table";
export * from "../audit/table";
export * from "../usage/table";
export * from "../subscription/devices-table";
export * from "../auth/totp/table";
export * from "../auth/passkeys/table";
export * from "../auth/oidc/table";
