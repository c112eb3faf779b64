import "server-only";
import { publicListScope } from "@/lib/agency/public-agency";
import type { ActingUser } from "@/lib/auth/acting-user";
import { isPermitted } from "@/lib/auth/permissions";
import { db, Prisma } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { comparePowerCodes } from "@/lib/powers/power-entry";
import { readThroughPublicCache } from "@/lib/public-content/cached";
import type { ServiceGuide } from "@/lib/services/service-guide";

export type PublicServiceSummary = { id: number; code: string; name: string; sectionName: string; timeLimitDays: number; fee: string };
export type PublicServiceGuide = ServiceGuide & { id: number; publishedAt: string };
export type PublicServicePage = { total: number; page: number; pageSize: number; items: PublicServiceSummary[] };

const visible = { publishedContent: { not: Prisma.DbNull }, withdrawnAt: null } satisfies Prisma.ServiceWhereInput;

/** The public directory of services (公共服务事项目录), by code; paged, at most 100 a page. */
export async function findPublicServices(query: { agencyCode?: string; q?: string; page?: number; pageSize?: number } = {}): Promise<PublicServicePage> {
  const page = Math.max(1, Math.floor(query.page ?? 1));
  const pageSize = Math.min(100, Math.max(1, Math.floor(query.pageSize ?? 50)));
  const search = query.q?.trim().toLowerCase() ?? "";
  // The services of the agency named by `agency=` (集约化), the default agency's without one.
  const scope = await publicListScope(query.agencyCode);
  return readThroughPublicCache("services", [search, page, pageSize, scope.agencyId], async () => {
    const rows = await db.service.findMany({
      where: { ...visible, ...(scope.filtered ? { section: { agencyId: scope.agencyId } } : {}) },
      select: { id: true, publishedContent: true },
    });
    const all = rows
      .map((row) => ({ id: row.id, guide: row.publishedContent as ServiceGuide }))
      .filter(({ guide }) => !search || guide.name.toLowerCase().includes(search) || guide.code.toLowerCase().includes(search))
      .sort((a, b) => comparePowerCodes(a.guide.code, b.guide.code));
    return {
      total: all.length,
      page,
      pageSize,
      items: all.slice((page - 1) * pageSize, page * pageSize).map(({ id, guide }) => ({
        id,
        code: guide.code,
        name: guide.name,
        sectionName: guide.sectionName,
        timeLimitDays: guide.timeLimitDays,
        fee: guide.fee,
      })),
    };
  });
}

/** A published guide, or null when the service is not public. */
export async function findPublicService(serviceId: number): Promise<PublicServiceGuide | null> {
  if (!Number.isSafeInteger(serviceId) || serviceId <= 0) return null;
  return readThroughPublicCache("service", [serviceId], async () => {
    const service = await db.service.findFirst({ where: { id: serviceId, ...visible }, select: { id: true, publishedContent: true, publishedAt: true } });
    if (!service) return null;
    return { ...(service.publishedContent as ServiceGuide), id: service.id, publishedAt: service.publishedAt!.toISOString() };
  });
}

export type DownloadableServiceForm = { storagePath: string; originalName: string; mimeType: string; public: boolean };

/**
 * A form file anyone may download when the published guide of its service lists it; console
 * users may also download the forms of drafts.
 */
export async function findDownloadableServiceForm(serviceId: number, formId: number, user: ActingUser | null): Promise<DownloadableServiceForm> {
  const form = await db.serviceForm.findFirst({
    where: { id: formId, serviceId },
    include: { service: { select: { publishedContent: true, withdrawnAt: true } } },
  });
  if (!form) throw new NotFoundError(messages.registers.services.errors.formMissing);
  const guide = form.service.publishedContent as ServiceGuide | null;
  const listedPublicly = Boolean(guide && !form.service.withdrawnAt && guide.forms.some((entry) => entry.id === form.id));
  if (!listedPublicly && !(user && isPermitted(user.role, "registers.read_console"))) throw new NotFoundError(messages.registers.services.errors.formMissing);
  return { storagePath: form.storagePath, originalName: form.originalName, mimeType: form.mimeType, public: listedPublicly };
}
