/** What a personal API token may be created with (shared by the account form and lib/auth/api-tokens.ts). */
export const apiTokenScopes = ["read", "read_write"] as const;
export type ApiTokenScopeName = (typeof apiTokenScopes)[number];
/** The lifetimes offered, in days; a token cannot be made to last longer. */
export const apiTokenLifetimes = [30, 90, 365] as const;
export const DEFAULT_API_TOKEN_LIFETIME = 90;
