import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ButtonLink } from "@/components/console/button-link";
import { DescriptionList, type Detail } from "@/components/console/details";
import { FilterBar, FilterSelect } from "@/components/console/filter-bar";
import { HistoryList } from "@/components/console/history-list";
import { DoneNotice } from "@/components/console/notice";
import { PageHeader } from "@/components/console/page-header";
import { Panel } from "@/components/console/panel";
import { ReviewActions } from "@/components/console/review-actions";
import { afterStepNotice, waitingNotice } from "@/components/console/review-notices";
import { reviewSteps } from "@/components/console/review-steps";
import { StateBadge } from "@/components/console/state-badge";
import { AcknowledgeFindings } from "@/components/forms/acknowledge-findings";
import { TextField } from "@/components/forms/field";
import { requirePageUser } from "@/lib/auth/page-guard";
import { isPermitted } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { messages } from "@/lib/i18n";
import { findConsoleItem } from "@/lib/items/console-items";
import { transitionItemAction } from "../actions";

export const metadata: Metadata = { title: messages.consoleItems.title };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string; restored?: string; saved?: string }> };

const m = messages.consoleItems;
const d = m.detail;
const p = messages.publicItems;

/** The items' audit actions are `item.<action>`. */
const historyLabels = Object.fromEntries(Object.entries({ ...messages.itemActions, ...d.historyActions }).map(([action, label]) => [`item.${action}`, label]));

export default async function ConsoleItemPage({ params, searchParams }: Props) {
  const actor = await requirePageUser("item.read_console");
  const id = Number((await params).id);
  const notice = await searchParams;
  const item = await findConsoleItem(actor, id).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const latest = item.latest;
  const metadataRows: Detail[] = [
    [p.indexNumber, item.indexNumber],
    [p.category, latest.categoryName],
    [p.issuingBody, latest.issuingBody],
    [p.documentNumber, latest.documentNumber ?? "—"],
    [p.writtenAt, latest.writtenAt ?? "—"],
    [p.formedAt, latest.formedAt],
    [p.validity, messages.validity[latest.validity] + (latest.validityDate ? `（${latest.validityDate}）` : "")],
    [p.channels, latest.channels.map((channel) => messages.channels[channel as keyof typeof messages.channels] ?? channel).join("、")],
    [p.keywords, latest.keywords.join("、") || "—"],
    [d.author, item.authorName],
    [d.section, item.sectionName],
  ];
  const steps = reviewSteps(
    item.actions,
    { label: (action) => messages.itemActions[action], returnComment: d.returnComment, withdrawReason: d.withdrawReason, comment: d.comment },
    {
      before: (action) =>
        action === "submit" ? (
          <AcknowledgeFindings idPrefix="finding" title={d.findings} help={d.findingsHelp} noteLabel={d.findingNote} />
        ) : action === "approve" && item.state === "leader_review" ? (
          <TextField name="publishAt" type="datetime-local" label={d.publishAt} hint={d.publishAtHint} />
        ) : null,
    },
  );
  return (
    <div className="space-y-6">
      <DoneNotice
        message={
          notice.done
            ? afterStepNotice(item.state)
            : notice.restored
              ? d.restored
              : notice.saved === "not-submitted"
                ? m.savedNotSubmitted
                : notice.saved
                  ? m.draftSaved
                  : null
        }
      />
      <PageHeader
        breadcrumbs={[{ href: "/admin/items", label: m.title }]}
        title={latest.title}
        meta={
          <>
            <StateBadge workflow="item" state={item.state} />
            <span>{d.revision(latest.number)}</span>
            {item.publishedRevisionNumber ? <span>{d.publishedRevision(item.publishedRevisionNumber)}</span> : null}
            {item.publishAt ? <span>{d.scheduledFor(formatDateTime(item.publishAt))}</span> : null}
            {item.withdrawnAt ? (
              <span className="basis-full text-red-800">{d.withdrawn(formatDateTime(item.withdrawnAt), item.withdrawalReason ?? "")}</span>
            ) : null}
          </>
        }
        actions={
          <>
            {item.publishedRevisionNumber ? <ButtonLink href={`/items/${item.id}`}>{d.viewPublic}</ButtonLink> : null}
            {item.canEdit ? (
              <ButtonLink href={`/admin/items/${item.id}/edit`} variant="primary">
                {m.edit}
              </ButtonLink>
            ) : null}
          </>
        }
      />

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Panel id="metadata" title={d.metadata}>
            <DescriptionList items={metadataRows} />
            <div className="item-body mt-6 border-t border-gray-200 pt-4 leading-7" dangerouslySetInnerHTML={{ __html: latest.body }} />
            {latest.attachments.length ? (
              <ul className="mt-4 list-disc pl-6 text-sm">
                {latest.attachments.map((attachment) => (
                  <li key={attachment.attachmentId}>
                    <a href={`/files/${attachment.attachmentId}`}>{attachment.name}</a>
                  </li>
                ))}
              </ul>
            ) : null}
          </Panel>

          {item.acknowledgedFindings.length ? (
            <Panel id="acknowledged" title={d.acknowledgedFindings} tone="warning">
              <ul className="space-y-2 text-sm" data-testid="acknowledged-findings">
                {item.acknowledgedFindings.map((finding, index) => (
                  <li key={index}>
                    {d.revision(finding.revisionNumber)} · {d.findingKinds[finding.kind as keyof typeof d.findingKinds] ?? finding.kind}（{finding.source}）
                    <code>{finding.match}</code>
                    <br />
                    <span className="text-gray-700">……{finding.context}……</span>
                    <br />
                    {d.findingNote}：{finding.note}（{finding.acknowledgedBy}）
                  </li>
                ))}
              </ul>
            </Panel>
          ) : null}

          <Panel id="history" title={d.history}>
            <HistoryList events={item.history} actionLabels={historyLabels} stateLabels={messages.itemStates} commentLabel={d.comment} testId="item-history" />
          </Panel>
        </div>

        <div className="space-y-6">
          {item.interpretationMissing && item.state !== "withdrawn" ? (
            <Panel id="interpretation" title={d.interpretationMissingTitle} tone="warning">
              <p className="text-sm" data-testid="interpretation-missing">
                {d.interpretationMissing}
              </p>
              {isPermitted(actor.role, "item.create") ? (
                <p className="mt-2">
                  <ButtonLink href={`/admin/items/new?interprets=${item.id}`}>{d.draftInterpretation}</ButtonLink>
                </p>
              ) : null}
            </Panel>
          ) : null}
          <Panel id="actions" title={d.actions}>
            <ReviewActions steps={steps} version={item.version} run={transitionItemAction.bind(null, item.id)} empty={waitingNotice(item.state, d.noActions)} />
          </Panel>
          <Panel id="deadline" title={d.deadline}>
            <p className={item.deadline.overdue ? "font-semibold text-red-700" : ""} data-testid="deadline-due">
              {item.deadline.due}
              {item.deadline.overdue ? `（${d.deadlineOverdue}）` : ""}
              {item.publishedOnTime === true ? `（${m.onTime}）` : item.publishedOnTime === false ? `（${m.late}）` : ""}
            </p>
            <details className="mt-2 text-sm">
              <summary>{d.explanation}</summary>
              <p className="mt-1 text-gray-800" data-testid="deadline-explanation">
                {item.deadline.explanation}
              </p>
            </details>
          </Panel>
          <Panel id="revisions" title={d.revisions}>
            <ol className="space-y-1 text-sm">
              {item.revisions.map((revision) => (
                <li key={revision.number}>
                  {d.revision(revision.number)} · {revision.createdBy} · {formatDateTime(revision.createdAt)}
                </li>
              ))}
            </ol>
            {item.revisions.length > 1 ? (
              <div className="mt-3">
                <FilterBar label={d.compare} submitLabel={d.compare} action={`/admin/items/${item.id}/compare`}>
                  <FilterSelect
                    name="from"
                    label={d.compareFrom}
                    defaultValue={item.revisions[1].number}
                    options={item.revisions.map((revision) => ({ value: revision.number, label: d.revision(revision.number) }))}
                  />
                  <FilterSelect
                    name="to"
                    label={d.compareTo}
                    defaultValue={item.revisions[0].number}
                    options={item.revisions.map((revision) => ({ value: revision.number, label: d.revision(revision.number) }))}
                  />
                </FilterBar>
              </div>
            ) : null}
          </Panel>
        </div>
      </div>
    </div>
  );
}
