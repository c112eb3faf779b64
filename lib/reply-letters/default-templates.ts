import { applicationOutcomes, type ApplicationOutcomeSlug } from "@/lib/applications/outcomes";

/**
 * The built-in reply letter (答复书) of each outcome. An administrator may replace any of them
 * (ReplyTemplate rows, per agency; the default agency's are the platform's); "恢复默认" brings back the platform's or these. Placeholders in {{…}} are filled when a
 * decision is recorded; one paragraph a line.
 */

export type ReplyTemplateContent = { title: string; legalBasis: string; body: string };

export const replyPlaceholders = [
  "{{申请人}}",
  "{{申请编号}}",
  "{{收到日期}}",
  "{{申请内容}}",
  "{{机关名称}}",
  "{{说明}}",
  "{{法律依据}}",
  "{{提供方式}}",
  "{{负责机关}}",
  "{{救济途径}}",
] as const;

const opening = "本机关于{{收到日期}}收到您（单位）提出的政府信息公开申请（申请编号：{{申请编号}}），申请获取“{{申请内容}}”。";
/** The sentence of the letters before the organ and court were settings; a saved template may still hold it. */
const genericAppealRights = "如对本答复不服，可以自收到本答复书之日起六十日内依法申请行政复议，或者自收到本答复书之日起六个月内依法向人民法院提起行政诉讼。";
const appealRights = "{{救济途径}}";

/** 救济途径: every letter names the reconsideration organ (60 days) and the court (6 months), from the settings. */
export function describeAppealRights(reconsiderationOrgan: string | null, litigationCourt: string | null): string {
  const organ = reconsiderationOrgan ? `向${reconsiderationOrgan}` : "依法";
  const court = litigationCourt ? `向${litigationCourt}` : "依法向人民法院";
  return `如对本答复不服，可以自收到本答复书之日起六十日内${organ}申请行政复议，或者自收到本答复书之日起六个月内${court}提起行政诉讼。`;
}

const findings: Record<ApplicationOutcomeSlug, string> = {
  disclose: "经审查，您申请获取的政府信息属于公开范围。根据{{法律依据}}的规定，{{提供方式}}",
  partial:
    "经审查，您申请获取的政府信息中含有依法不应当公开的内容，但能够作区分处理。根据{{法律依据}}的规定，本机关向您提供可以公开的部分（见附件），不予公开部分的理由见下文说明。",
  refuse_state_secret: "经审查，您申请获取的政府信息属于国家秘密。根据{{法律依据}}的规定，本机关决定不予公开。",
  refuse_law_prohibits: "经审查，您申请获取的政府信息属于法律、行政法规禁止公开的信息。根据{{法律依据}}的规定，本机关决定不予公开。",
  refuse_three_safety: "经审查，您申请获取的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定。根据{{法律依据}}的规定，本机关决定不予公开。",
  refuse_third_party:
    "经审查，您申请获取的政府信息涉及商业秘密、个人隐私等，公开后会对第三方合法权益造成损害，且第三方不同意公开。根据{{法律依据}}的规定，本机关决定不予公开。",
  refuse_internal_affairs: "经审查，您申请获取的政府信息属于人事管理、后勤管理、内部工作流程等内部事务信息。根据{{法律依据}}的规定，本机关决定不予公开。",
  refuse_process_info:
    "经审查，您申请获取的政府信息属于本机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息。根据{{法律依据}}的规定，本机关决定不予公开。",
  refuse_enforcement_file: "经审查，您申请获取的政府信息属于行政执法案卷信息。根据{{法律依据}}的规定，本机关决定不予公开。",
  refuse_admin_query: "经审查，您申请获取的信息属于行政查询事项，有关法律、行政法规对信息的获取有特别规定。根据{{法律依据}}的规定，请您依照有关规定办理查询。",
  unable_not_held: "经检索，本机关未制作、获取您申请公开的政府信息，该政府信息不存在于本机关。根据{{法律依据}}的规定，特此告知。\n{{负责机关}}",
  unable_needs_creation: "经审查，您申请获取的信息需要本机关对现有政府信息进行加工、分析后另行制作。根据{{法律依据}}的规定，本机关不予提供。",
  unable_unclear_after_correction: "本机关已告知您补正申请，您补正后申请内容仍不明确，本机关无法确定您所需的政府信息。根据{{法律依据}}的规定，本机关无法提供。",
  not_processed_petition:
    "经审查，您以政府信息公开申请的形式提出的是信访、投诉、举报等事项。根据{{法律依据}}的规定，本机关不作为政府信息公开申请处理，您可以通过信访、投诉、举报等渠道提出。",
  not_processed_repeat: "经审查，本机关已就您提出的相同政府信息公开申请作出答复，您重复申请公开相同的政府信息。根据{{法律依据}}的规定，本机关不予重复处理。",
  not_processed_publication: "经审查，您申请获取的是政府公报、报刊、书籍等公开出版物。根据{{法律依据}}的规定，您可以通过公开发行渠道获取。",
  not_processed_mass_repeat:
    "经审查，您申请公开政府信息的数量、频次明显超过合理范围，本机关已要求您说明理由，您提出的理由不合理。根据{{法律依据}}的规定，本机关不予处理。",
  not_processed_confirm: "经审查，您要求本机关确认或者重新出具您已获取的信息。根据{{法律依据}}的规定，本机关不作为政府信息公开申请处理。",
  other_no_correction: "本机关已书面告知您补正申请，您无正当理由逾期未补正。根据{{法律依据}}的规定，视为您放弃申请，本机关不再处理该政府信息公开申请。",
  other_no_fee: "本机关已向您发出收费通知，您逾期未按收费通知要求缴纳信息处理费。根据{{法律依据}}的规定，本机关不再处理该政府信息公开申请。",
  other_other: "经审查，根据{{法律依据}}的规定，本机关对您的申请作如下处理。",
};

export function defaultReplyTemplate(outcome: ApplicationOutcomeSlug): ReplyTemplateContent {
  const definition = applicationOutcomes.find((entry) => entry.slug === outcome)!;
  return {
    title: "政府信息公开申请答复书",
    legalBasis: definition.legalBasis,
    body: ["{{申请人}}：", opening, findings[outcome], "{{说明}}", appealRights].join("\n"),
  };
}

export type ReplyContext = {
  applicantName: string;
  number: string;
  receivedOn: string;
  description: string;
  agencyName: string;
  note: string | null;
  legalBasis: string;
  /** Art. 36(1): where information already public can be found (获取的方式和途径). */
  accessRoute?: string | null;
  /** Art. 36(5): the agency responsible for the information, and its contact, where known. */
  otherAgency?: string | null;
  otherAgencyContact?: string | null;
  reconsiderationOrgan?: string | null;
  litigationCourt?: string | null;
};

/** Art. 36(1): information already public is not sent again; the letter says where to find it. */
export const alreadyPublicLegalBasis = "《中华人民共和国政府信息公开条例》第三十六条第（一）项";

function describeProvision(accessRoute: string | null | undefined): string {
  if (accessRoute) return `该政府信息已经主动公开，您可以通过以下方式和途径获取：${accessRoute.replace(/[。．.]+$/, "")}。`;
  return "本机关向您提供该政府信息（见附件），请查收。";
}

function describeResponsibleAgency(name: string | null | undefined, contact: string | null | undefined): string {
  if (!name) return "";
  const reached = contact ? `，联系方式：${contact.replace(/[。．.]+$/, "")}` : "";
  return `经核实，您申请公开的政府信息不属于本机关负责公开，负责公开该政府信息的行政机关为${name}${reached}，您可以向该机关提出申请（条例第三十六条第（五）项）。`;
}

/** Fills the placeholders; a line left empty by them (e.g. no 说明) is dropped. */
export function fillReplyTemplate(text: string, context: ReplyContext, part: "title" | "body" = "body"): string {
  const values: Record<string, string> = {
    "{{提供方式}}": describeProvision(context.accessRoute),
    "{{负责机关}}": describeResponsibleAgency(context.otherAgency, context.otherAgencyContact),
    "{{救济途径}}": describeAppealRights(context.reconsiderationOrgan ?? null, context.litigationCourt ?? null),
    "{{申请人}}": context.applicantName,
    "{{申请编号}}": context.number,
    "{{收到日期}}": formatChineseDate(context.receivedOn),
    "{{申请内容}}": context.description,
    "{{机关名称}}": context.agencyName,
    "{{说明}}": context.note ?? "",
    "{{法律依据}}": context.legalBasis,
  };
  // A template saved before the organ and court were settings keeps its wording but gains them;
  // one without any 救济 sentence gets it as its last paragraph: every letter must state it.
  let template = text.replaceAll(genericAppealRights, appealRights);
  if (part === "body" && !template.includes(appealRights)) template = `${template}\n${appealRights}`;
  return template
    .split("\n")
    .map((line) => line.replace(/\{\{[^}]+\}\}/g, (placeholder) => values[placeholder] ?? placeholder))
    .filter((line, index, lines) => line.trim() !== "" || lines.length === 1)
    .join("\n");
}

/** 2026-03-05 → 2026年3月5日, as official letters write dates. */
export function formatChineseDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-").map(Number);
  return `${year}年${month}月${day}日`;
}
