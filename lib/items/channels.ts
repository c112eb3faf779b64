/** Where an item was disclosed (公开渠道). Codes are stored; labels live in lib/i18n. */
export const disclosureChannels = ["website", "legal_platform", "new_media", "notice_board"] as const;
export type DisclosureChannel = (typeof disclosureChannels)[number];
