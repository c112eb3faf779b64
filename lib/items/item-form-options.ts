import "server-only";
import { findAgencyProfile } from "@/lib/agency/find-agency";
import type { ActingUser } from "@/lib/auth/acting-user";
import { findCategoryTree, flattenCategoryTree } from "@/lib/catalogue/catalogue-tree";
import { listSections } from "@/lib/sections/manage-sections";
import { LEADERS_SECTION_NAME } from "@/lib/users/demo-accounts";

/** The choices of the item form: categories (the template's and the agency's own, indented by depth) and issuing bodies. */
export async function loadItemFormOptions(actor: ActingUser) {
  const [tree, sections, agency] = await Promise.all([findCategoryTree({ agencyId: actor.agencyId }), listSections(actor), findAgencyProfile()]);
  const categories = flattenCategoryTree(tree).map((node) => ({ value: node.id, slug: node.slug, label: `${"　".repeat(node.depth)}${node.name}` }));
  const issuingBodies = [
    { value: "agency", label: agency.name },
    ...sections.filter((section) => section.name !== LEADERS_SECTION_NAME).map((section) => ({ value: section.id, label: `${agency.name}${section.name}` })),
  ];
  return { categories, issuingBodies };
}
