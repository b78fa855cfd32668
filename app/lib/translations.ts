/**
 * Every string of the interface, per language. Each area keeps its own file (one top-level key
 * per file, named after the area) so that people working on different parts do not edit one
 * file; they are merged into the one `common` namespace.
 */
import enCommon from "~/locales/en/common.json";
import enDiscussions from "~/locales/en/discussions.json";
import enMeetings from "~/locales/en/meetings.json";
import enNetworks from "~/locales/en/networks.json";
import enNotifications from "~/locales/en/notifications.json";
import enTasks from "~/locales/en/tasks.json";
import fiCommon from "~/locales/fi/common.json";
import fiDiscussions from "~/locales/fi/discussions.json";
import fiMeetings from "~/locales/fi/meetings.json";
import fiNetworks from "~/locales/fi/networks.json";
import fiNotifications from "~/locales/fi/notifications.json";
import fiTasks from "~/locales/fi/tasks.json";
import svCommon from "~/locales/sv/common.json";
import svDiscussions from "~/locales/sv/discussions.json";
import svMeetings from "~/locales/sv/meetings.json";
import svNetworks from "~/locales/sv/networks.json";
import svNotifications from "~/locales/sv/notifications.json";
import svTasks from "~/locales/sv/tasks.json";

const finnish = {
  ...fiCommon,
  ...fiNetworks,
  ...fiDiscussions,
  ...fiMeetings,
  ...fiTasks,
  ...fiNotifications,
};

/** Finnish is the reference; a unit test keeps Swedish and English key for key equal to it. */
export type Translation = typeof finnish;

export const translations: Record<"fi" | "sv" | "en", Translation> = {
  fi: finnish,
  sv: { ...svCommon, ...svNetworks, ...svDiscussions, ...svMeetings, ...svTasks, ...svNotifications },
  en: { ...enCommon, ...enNetworks, ...enDiscussions, ...enMeetings, ...enTasks, ...enNotifications },
};
