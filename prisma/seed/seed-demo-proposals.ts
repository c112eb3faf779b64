import { loadWorkingDayCalendar } from "@/lib/calendar/load-calendar";
import { todayInBeijing } from "@/lib/dates";
import { db } from "@/lib/db";
import { nextWorkingDayOnOrAfter } from "@/lib/deadlines/working-days";
import { computeReplyDeadline, defaultReplyPeriodMonths } from "@/lib/proposals/proposal-deadline";

/**
 * The demo office's 2017 建议提案办理 (annual report: 人大建议7项，政协提案12项，均已办理，在平台公布，
 * 满意率达到100%), one proposal of the current year in hand and one waiting for assignment, and a
 * few visitors' messages. Written directly (back-dated history, with the audit rows it would have).
 */

type DemoProposal = { number: string; title: string; proposers: string[]; section: string; assisting?: string; summary?: string; basically?: boolean };

const suggestionSession = "绥芬河市第十六届人民代表大会第一次会议";
const proposalSession = "政协绥芬河市第十届委员会第一次会议";

const demoSuggestions: DemoProposal[] = [
  { number: "第3号", title: "关于加强背街小巷环境卫生整治的建议", proposers: ["张立新"], section: "市容环境管理科" },
  { number: "第8号", title: "关于规范早市和夜市占道经营的建议", proposers: ["王春梅", "刘志刚"], section: "综合执法大队", assisting: "市容环境管理科" },
  { number: "第15号", title: "关于增设城区公共厕所的建议", proposers: ["赵文华"], section: "市容环境管理科", basically: true },
  { number: "第21号", title: "关于整治户外广告牌匾乱象的建议", proposers: ["孙丽娟"], section: "综合执法大队" },
  {
    number: "第27号",
    title: "关于加强冬季清雪除冰工作的建议",
    proposers: ["李国庆"],
    section: "市容环境管理科",
    summary: "已将主次干道清雪纳入作业计划，雪停后48小时内清运完毕。",
  },
  { number: "第34号", title: "关于治理建筑渣土运输撒漏的建议", proposers: ["周海燕"], section: "综合执法大队" },
  { number: "第40号", title: "关于完善城管执法投诉渠道的建议", proposers: ["吴建军", "郑红"], section: "综合科" },
];

const demoProposals: DemoProposal[] = [
  { number: "第5号", title: "关于推进生活垃圾分类试点的提案", proposers: ["陈晓东"], section: "市容环境管理科" },
  { number: "第9号", title: "关于加强口岸城市市容环境建设的提案", proposers: ["高明"], section: "市容环境管理科", assisting: "综合执法大队" },
  { number: "第12号", title: "关于规范流动摊点管理的提案", proposers: ["林静"], section: "综合执法大队", basically: true },
  { number: "第16号", title: "关于提升城市亮化水平的提案", proposers: ["何志强"], section: "市容环境管理科" },
  { number: "第19号", title: "关于加强城区绿地养护的提案", proposers: ["马丽"], section: "市容环境管理科", summary: "已制定绿地养护标准，分片落实养护责任。" },
  { number: "第23号", title: "关于推行柔性执法的提案", proposers: ["黄伟"], section: "综合执法大队" },
  { number: "第26号", title: "关于治理噪声扰民的提案", proposers: ["徐敏", "冯涛"], section: "综合执法大队" },
  { number: "第30号", title: "关于规范共享单车停放的提案", proposers: ["宋佳"], section: "综合执法大队", assisting: "市容环境管理科" },
  { number: "第33号", title: "关于建立城管执法信息公开平台的提案", proposers: ["韩冰"], section: "综合科" },
  { number: "第37号", title: "关于加强餐饮油烟治理的提案", proposers: ["唐磊"], section: "综合执法大队", basically: true },
  { number: "第41号", title: "关于增加城区停车泊位的提案", proposers: ["曹阳"], section: "市容环境管理科" },
  { number: "第45号", title: "关于加强城管队伍建设的提案", proposers: ["邓晓光"], section: "综合科" },
];

function replyText(demo: DemoProposal): string {
  const who = demo.proposers.join("、");
  return [
    `${who}：`,
    `您提出的《${demo.title}》收悉。我局高度重视，由${demo.section}牵头${demo.assisting ? `、${demo.assisting}协办` : ""}认真研究办理，现答复如下：`,
    "一、针对您反映的问题，我局已组织专题调研，制定了整改方案，明确责任人和完成时限。",
    "二、加强日常巡查和执法检查，建立长效管理机制，定期通报整改情况。",
    "三、下一步，我局将继续听取代表委员和群众的意见建议，不断改进工作。",
    "感谢您对城市管理工作的关心和支持。",
    "绥芬河市城市管理和综合行政执法局",
  ].join("\n");
}

const at = (day: string, time = "09:30") => new Date(`${day}T${time}:00+08:00`);
const dateColumn = (day: string) => new Date(`${day}T00:00:00Z`);

export async function seedDemoProposals(): Promise<void> {
  if (await db.proposal.findFirst({ where: { year: 2017, session: suggestionSession } })) return;
  const users = new Map((await db.user.findMany()).map((user) => [user.username, user]));
  const staff = users.get("staff")!;
  const head = users.get("head")!;
  const leader = users.get("leader")!;
  const sections = new Map((await db.section.findMany()).map((section) => [section.name, section.id]));
  const calendar = await loadWorkingDayCalendar();

  const receivedOn = "2017-03-08";
  const assignedOn = "2017-03-20";
  const deadline = computeReplyDeadline(calendar, assignedOn, defaultReplyPeriodMonths);
  const all = [
    ...demoSuggestions.map((demo) => ({ demo, kind: "suggestion" as const, session: suggestionSession })),
    ...demoProposals.map((demo) => ({ demo, kind: "proposal" as const, session: proposalSession })),
  ];
  for (const [index, { demo, kind, session }] of all.entries()) {
    // Replies issued on working days through May 2017, well before the deadline; feedback in June.
    const repliedOn = nextWorkingDayOnOrAfter(calendar, `2017-05-${String(8 + (index % 18)).padStart(2, "0")}`);
    const feedbackOn = nextWorkingDayOnOrAfter(calendar, `2017-06-${String(1 + (index % 20)).padStart(2, "0")}`);
    await db.$transaction(async (tx) => {
      const proposal = await tx.proposal.create({
        data: {
          year: 2017,
          session,
          number: demo.number,
          kind,
          title: demo.title,
          proposers: demo.proposers,
          receivedOn: dateColumn(receivedOn),
          leadSectionId: sections.get(demo.section)!,
          assignedOn: dateColumn(assignedOn),
          deadline: dateColumn(deadline.due),
          deadlineNote: `${deadline.explanation}（交办后${defaultReplyPeriodMonths}个月内答复）`,
          status: "closed",
          closedOn: dateColumn(feedbackOn),
          createdAt: at(receivedOn),
          assistingSections: demo.assisting ? { create: [{ sectionId: sections.get(demo.assisting)! }] } : undefined,
        },
      });
      const reply = await tx.proposalReply.create({
        data: {
          proposalId: proposal.id,
          round: 1,
          state: "published",
          body: replyText(demo),
          disclosure: demo.summary ? "summary" : "full",
          summary: demo.summary ?? null,
          dueOn: dateColumn(deadline.due),
          authorId: staff.id,
          lastEditedById: staff.id,
          repliedOn: dateColumn(repliedOn),
          onTime: repliedOn <= deadline.due,
          publishedAt: at(repliedOn, "15:00"),
          satisfaction: demo.basically ? "basically_satisfied" : "satisfied",
          feedbackOn: dateColumn(feedbackOn),
          feedbackNote: demo.basically ? "希望继续跟踪落实。" : null,
          createdAt: at("2017-04-20"),
        },
      });
      const steps = [
        {
          actorId: staff.id,
          action: "proposal.import",
          entityType: "Proposal",
          entityId: String(proposal.id),
          fromState: null,
          toState: "in_progress",
          occurredAt: at(assignedOn),
        },
        {
          actorId: staff.id,
          action: "proposal_reply.save",
          entityType: "ProposalReply",
          entityId: String(reply.id),
          fromState: null,
          toState: "draft",
          occurredAt: at("2017-04-20"),
        },
        {
          actorId: staff.id,
          action: "proposal_reply.submit",
          entityType: "ProposalReply",
          entityId: String(reply.id),
          fromState: "draft",
          toState: "section_review",
          occurredAt: at("2017-04-21"),
        },
        {
          actorId: head.id,
          action: "proposal_reply.approve",
          entityType: "ProposalReply",
          entityId: String(reply.id),
          fromState: "section_review",
          toState: "leader_review",
          occurredAt: at("2017-04-25"),
        },
        {
          actorId: leader.id,
          action: "proposal_reply.approve",
          entityType: "ProposalReply",
          entityId: String(reply.id),
          fromState: "leader_review",
          toState: "published",
          occurredAt: at(repliedOn, "15:00"),
        },
        {
          actorId: staff.id,
          action: "proposal.record_feedback",
          entityType: "Proposal",
          entityId: String(proposal.id),
          fromState: "replied",
          toState: "closed",
          occurredAt: at(feedbackOn),
        },
      ];
      await tx.auditEvent.createMany({ data: steps.map((step) => ({ ...step, details: { seeded: true } })) });
    });
  }

  // The current year: one in hand with a draft reply, one waiting to be assigned.
  const today = todayInBeijing();
  const year = Number(today.slice(0, 4));
  const currentDeadline = computeReplyDeadline(calendar, today, defaultReplyPeriodMonths);
  await db.$transaction(async (tx) => {
    const inHand = await tx.proposal.create({
      data: {
        year,
        session: "绥芬河市第十七届人民代表大会第三次会议",
        number: "第6号",
        kind: "suggestion",
        title: "关于加强老旧小区周边环境治理的建议",
        proposers: ["王立军"],
        receivedOn: dateColumn(today),
        leadSectionId: sections.get("综合科")!,
        assignedOn: dateColumn(today),
        deadline: dateColumn(currentDeadline.due),
        deadlineNote: `${currentDeadline.explanation}（交办后${defaultReplyPeriodMonths}个月内答复）`,
        status: "in_progress",
        assistingSections: { create: [{ sectionId: sections.get("市容环境管理科")! }] },
      },
    });
    const draft = await tx.proposalReply.create({
      data: {
        proposalId: inHand.id,
        round: 1,
        body: "王立军代表：\n您提出的《关于加强老旧小区周边环境治理的建议》收悉。现答复如下：\n（答复正在起草中）",
        disclosure: "full",
        dueOn: dateColumn(currentDeadline.due),
        authorId: staff.id,
        lastEditedById: staff.id,
      },
    });
    const waiting = await tx.proposal.create({
      data: {
        year,
        session: "政协绥芬河市第十一届委员会第三次会议",
        number: "第14号",
        kind: "proposal",
        title: "关于规范城区临时占道施工管理的提案",
        proposers: ["李红梅"],
        receivedOn: dateColumn(today),
        status: "pending_assignment",
      },
    });
    await tx.auditEvent.createMany({
      data: [
        {
          actorId: staff.id,
          action: "proposal.create",
          entityType: "Proposal",
          entityId: String(inHand.id),
          toState: "in_progress",
          details: { seeded: true },
        },
        {
          actorId: staff.id,
          action: "proposal_reply.save",
          entityType: "ProposalReply",
          entityId: String(draft.id),
          toState: "draft",
          details: { seeded: true },
        },
        {
          actorId: staff.id,
          action: "proposal.create",
          entityType: "Proposal",
          entityId: String(waiting.id),
          toState: "pending_assignment",
          details: { seeded: true },
        },
      ],
    });
  });

  await seedDemoFeedback(staff.id, head.id, sections.get("综合科")!, sections.get("市容环境管理科")!);
  await db.publicContentVersion.update({ where: { id: 1 }, data: { token: crypto.randomUUID() } });
}

async function seedDemoFeedback(staffId: number, headId: number, generalSectionId: number, cityscapeSectionId: number): Promise<void> {
  const published = [
    {
      topic: "小区门口占道经营",
      content: "永福街某小区门口每天早上有人占道卖菜，影响通行，希望管一管。",
      sectionId: cityscapeSectionId,
      reply: "您好！经现场核查，反映情况属实。我局已会同街道对占道经营行为进行劝导和规范，并在附近设置了便民疏导点。感谢您的监督。",
      submittedAt: at("2017-06-12", "08:40"),
      answeredAt: at("2017-06-15", "16:00"),
      ratings: ["satisfied", "satisfied", "basically_satisfied"] as const,
    },
    {
      topic: "政府信息公开申请如何提交",
      content: "想了解一下申请公开城管执法方面的信息需要什么材料？",
      sectionId: generalSectionId,
      reply: "您好！可通过本网站“依申请公开”栏目在线提交，也可到综合科现场提交书面申请，需提供申请人身份证明和所需信息的描述。详见《政府信息公开指南》。",
      submittedAt: at("2017-09-04", "10:15"),
      answeredAt: at("2017-09-06", "09:20"),
      ratings: ["satisfied"] as const,
    },
  ];
  for (const entry of published) {
    await db.$transaction(async (tx) => {
      const feedback = await tx.feedback.create({
        data: {
          topic: entry.topic,
          content: entry.content,
          mayPublish: true,
          sectionId: entry.sectionId,
          status: "answered",
          submittedAt: entry.submittedAt,
          answeredAt: entry.answeredAt,
          publishedAt: entry.answeredAt,
          reply: { create: { body: entry.reply, state: "approved", authorId: staffId, lastEditedById: staffId, createdAt: entry.answeredAt } },
          ratings: { create: entry.ratings.map((rating) => ({ rating, ratedAt: entry.answeredAt })) },
        },
      });
      await tx.auditEvent.createMany({
        data: [
          {
            actorId: null,
            action: "feedback.submit",
            entityType: "Feedback",
            entityId: String(feedback.id),
            toState: "received",
            occurredAt: entry.submittedAt,
            details: { seeded: true },
          },
          {
            actorId: staffId,
            action: "feedback_reply.submit",
            entityType: "Feedback",
            entityId: String(feedback.id),
            fromState: "received",
            toState: "reply_review",
            occurredAt: entry.answeredAt,
            details: { seeded: true },
          },
          {
            actorId: headId,
            action: "feedback_reply.approve",
            entityType: "Feedback",
            entityId: String(feedback.id),
            fromState: "reply_review",
            toState: "answered",
            occurredAt: entry.answeredAt,
            details: { seeded: true, published: true },
          },
        ],
      });
    });
  }
  const waiting = await db.feedback.create({
    data: { topic: "路灯不亮", content: "阜宁路北段几盏路灯晚上不亮，走路不安全。", contact: "0453-3920000", mayPublish: true, status: "received" },
  });
  await db.auditEvent.create({
    data: { actorId: null, action: "feedback.submit", entityType: "Feedback", entityId: String(waiting.id), toState: "received", details: { seeded: true } },
  });
}
