import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

/**
 * axe on the page as it is. Legacy mode runs axe.run() in the page itself: the default opens a blank
 * page (a new renderer) for every check to merge frame results, which cost 1–2 s per check and the
 * suite minutes; the product's pages have no cross-origin frames to merge.
 */
export function axeOn(page: Page): AxeBuilder {
  // Only violations are listed node by node: the passes (every element of the page, for each rule)
  // were serialised by the browser and parsed by the runner on every check, and read by no test.
  return new AxeBuilder({ page }).setLegacyMode().options({ resultTypes: ["violations"] });
}
