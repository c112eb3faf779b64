import type { DomainGrants } from "@/lib/auth/grants/types";

/**
 * Actions of the applications domain (依申请公开) and the roles that hold them (merged into
 * lib/auth/permissions.ts). Handling an application and seeing its applicant's personal data also
 * requires, for staff and section heads, working in the section that handles applications
 * (ApplicationSettings.handlingSectionId); leaders see every application in full; everyone else in
 * the console sees lists and details masked. Reviewing a reply letter has one permission per
 * transition (`application.reply.approve_leader`, …; lib/reply-letters/reply-letter-review.ts): staff
 * of the handling section submit, its section head reviews, a leader approves (issues it).
 */
export const applicationsGrants = {
  actions: [
    "application.read",
    "application.view_personal_data",
    "application.handle",
    "application.approve_extension",
    "application.record_appeal",
    "application.configure",
    "reply_template.manage",
    "fee.quote",
    "application.reply.submit",
    "application.reply.approve_section",
    "application.reply.approve_leader",
    "application.reply.return_section",
    "application.reply.return_leader",
  ],
  roles: {
    staff: ["application.read", "application.view_personal_data", "application.handle", "application.record_appeal", "fee.quote", "application.reply.submit"],
    section_head: [
      "application.read",
      "application.view_personal_data",
      "application.handle",
      "application.record_appeal",
      "fee.quote",
      "application.reply.submit",
      "application.reply.approve_section",
      "application.reply.return_section",
      // Art. 33: 经政府信息公开工作机构负责人同意 — the head of the handling section, unless the
      // agency's settings give it to leaders (lib/applications/handling-section.ts: mayApproveExtension).
      "application.approve_extension",
    ],
    leader: [
      "application.read",
      "application.view_personal_data",
      "application.approve_extension",
      "application.record_appeal",
      "fee.quote",
      "application.reply.approve_leader",
      "application.reply.return_leader",
    ],
    admin: ["application.read", "application.configure", "reply_template.manage", "fee.quote"],
    // Platform roles (集约化): the platform administrator keeps agencies and accounts, not this domain;
    // the supervisor (政务公开办) reads it in every agency.
    platform_admin: [],
    supervisor: ["application.read"],
  },
} as const satisfies DomainGrants;
