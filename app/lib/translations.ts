/**
 * Every string of the interface, per language. Each area keeps its own file (one top-level key
 * per file, named after the area) so that people working on different parts do not edit one
 * file; they are merged into the one `common` namespace.
 */

import enComments from "~/locales/en/comments.json";
import enCommon from "~/locales/en/common.json";
import enDiscussions from "~/locales/en/discussions.json";
import enDocuments from "~/locales/en/documents.json";
import enEditor from "~/locales/en/editor.json";
import enEditorial from "~/locales/en/editorial.json";
import enHistory from "~/locales/en/history.json";
import enLibrary from "~/locales/en/library.json";
import enMeetings from "~/locales/en/meetings.json";
import enNetworks from "~/locales/en/networks.json";
import enNotifications from "~/locales/en/notifications.json";
import enPublishing from "~/locales/en/publishing.json";
import enRounds from "~/locales/en/rounds.json";
import enTasks from "~/locales/en/tasks.json";
import enSparring from "~/locales/en/sparring.json";
import enSparringQuestion from "~/locales/en/sparring-question.json";
import enSparringAdmin from "~/locales/en/sparring-admin.json";
import enInterpretations from "~/locales/en/interpretations.json";
import enLegal from "~/locales/en/legal.json";
import enSearch from "~/locales/en/search.json";
import enNews from "~/locales/en/news.json";
import enTrainings from "~/locales/en/trainings.json";
import enContact from "~/locales/en/contact.json";
import enPractices from "~/locales/en/practices.json";
import enChanges from "~/locales/en/changes.json";
import enMetrics from "~/locales/en/metrics.json";
import fiComments from "~/locales/fi/comments.json";
import fiCommon from "~/locales/fi/common.json";
import fiDiscussions from "~/locales/fi/discussions.json";
import fiDocuments from "~/locales/fi/documents.json";
import fiEditor from "~/locales/fi/editor.json";
import fiEditorial from "~/locales/fi/editorial.json";
import fiHistory from "~/locales/fi/history.json";
import fiLibrary from "~/locales/fi/library.json";
import fiMeetings from "~/locales/fi/meetings.json";
import fiNetworks from "~/locales/fi/networks.json";
import fiNotifications from "~/locales/fi/notifications.json";
import fiPublishing from "~/locales/fi/publishing.json";
import fiRounds from "~/locales/fi/rounds.json";
import fiTasks from "~/locales/fi/tasks.json";
import fiSparring from "~/locales/fi/sparring.json";
import fiSparringQuestion from "~/locales/fi/sparring-question.json";
import fiSparringAdmin from "~/locales/fi/sparring-admin.json";
import fiInterpretations from "~/locales/fi/interpretations.json";
import fiLegal from "~/locales/fi/legal.json";
import fiSearch from "~/locales/fi/search.json";
import fiNews from "~/locales/fi/news.json";
import fiTrainings from "~/locales/fi/trainings.json";
import fiContact from "~/locales/fi/contact.json";
import fiPractices from "~/locales/fi/practices.json";
import fiChanges from "~/locales/fi/changes.json";
import fiMetrics from "~/locales/fi/metrics.json";
import svComments from "~/locales/sv/comments.json";
import svCommon from "~/locales/sv/common.json";
import svDiscussions from "~/locales/sv/discussions.json";
import svDocuments from "~/locales/sv/documents.json";
import svEditor from "~/locales/sv/editor.json";
import svEditorial from "~/locales/sv/editorial.json";
import svHistory from "~/locales/sv/history.json";
import svLibrary from "~/locales/sv/library.json";
import svMeetings from "~/locales/sv/meetings.json";
import svNetworks from "~/locales/sv/networks.json";
import svNotifications from "~/locales/sv/notifications.json";
import svPublishing from "~/locales/sv/publishing.json";
import svRounds from "~/locales/sv/rounds.json";
import svTasks from "~/locales/sv/tasks.json";
import svSparring from "~/locales/sv/sparring.json";
import svSparringQuestion from "~/locales/sv/sparring-question.json";
import svSparringAdmin from "~/locales/sv/sparring-admin.json";
import svInterpretations from "~/locales/sv/interpretations.json";
import svLegal from "~/locales/sv/legal.json";
import svSearch from "~/locales/sv/search.json";
import svNews from "~/locales/sv/news.json";
import svTrainings from "~/locales/sv/trainings.json";
import svContact from "~/locales/sv/contact.json";
import svPractices from "~/locales/sv/practices.json";
import svChanges from "~/locales/sv/changes.json";
import svMetrics from "~/locales/sv/metrics.json";

const finnish = {
  ...fiCommon,
  ...fiNetworks,
  ...fiDiscussions,
  ...fiMeetings,
  ...fiTasks,
  ...fiNotifications,
  ...fiDocuments,
  ...fiEditor,
  ...fiComments,
  ...fiHistory,
  ...fiPublishing,
  ...fiLibrary,
  ...fiRounds,
  ...fiEditorial,
  ...fiSparring,
  ...fiSparringQuestion,
  ...fiSparringAdmin,
  ...fiInterpretations,
  ...fiLegal,
  ...fiSearch,
  ...fiNews,
  ...fiTrainings,
  ...fiContact,
  ...fiPractices,
  ...fiChanges,
  ...fiMetrics,
};

/** Finnish is the reference; a unit test keeps Swedish and English key for key equal to it. */
export type Translation = typeof finnish;

export const translations: Record<"fi" | "sv" | "en", Translation> = {
  fi: finnish,
  sv: {
    ...svCommon,
    ...svNetworks,
    ...svDiscussions,
    ...svMeetings,
    ...svTasks,
    ...svNotifications,
    ...svDocuments,
    ...svEditor,
    ...svComments,
    ...svHistory,
    ...svPublishing,
    ...svLibrary,
    ...svRounds,
    ...svEditorial,
    ...svSparring,
    ...svSparringQuestion,
    ...svSparringAdmin,
    ...svInterpretations,
    ...svLegal,
    ...svSearch,
    ...svNews,
    ...svTrainings,
    ...svContact,
    ...svPractices,
    ...svChanges,
    ...svMetrics,
  },
  en: {
    ...enCommon,
    ...enNetworks,
    ...enDiscussions,
    ...enMeetings,
    ...enTasks,
    ...enNotifications,
    ...enDocuments,
    ...enEditor,
    ...enComments,
    ...enHistory,
    ...enPublishing,
    ...enLibrary,
    ...enRounds,
    ...enEditorial,
    ...enSparring,
    ...enSparringQuestion,
    ...enSparringAdmin,
    ...enInterpretations,
    ...enLegal,
    ...enSearch,
    ...enNews,
    ...enTrainings,
    ...enContact,
    ...enPractices,
    ...enChanges,
    ...enMetrics,
  },
};
