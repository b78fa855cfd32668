/** WCAG 2.1 A/AA checks with axe-core; a test fails on serious or critical violations. */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";

const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export async function expectNoSeriousAxeViolations(page: Page, label = page.url()): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  const serious = results.violations.filter(
    (violation) => violation.impact === "serious" || violation.impact === "critical",
  );
  if (serious.length === 0) return;
  const report = serious
    .map((violation) => {
      const targets = violation.nodes.map((node) => `    ${node.target.join(" ")}`).join("\n");
      return `- [${violation.impact}] ${violation.id}: ${violation.help} (${violation.helpUrl})\n${targets}`;
    })
    .join("\n");
  throw new Error(
    `axe found ${serious.length} serious or critical violation(s) on ${label}:\n${report}`,
  );
}
