import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { type TaskStatus, taskStatuses } from "~/lib/task-form";
import { TaskMoveForm } from "./task-move-form";
import { OverdueMarker, TaskStatusLabel } from "./task-status";

/** A task as the list and the board show it; dates already in the reader's words. */
export interface TaskViewData {
  id: string;
  title: string;
  description: string;
  ownerName: string | null;
  dueDate: string | null;
  dueText: string | null;
  status: TaskStatus;
  overdue: boolean;
  completedText: string | null;
  /** Which controls to show; the database decides whether a change is allowed. */
  canChange: boolean;
  canDelete: boolean;
}

function DueDate(props: { task: TaskViewData }) {
  const { t } = useTranslation();
  const { task } = props;
  if (!task.dueDate) return <span className="text-slate-700">{t("tasks.noDueDate")}</span>;
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <time dateTime={task.dueDate}>{task.dueText}</time>
      {task.overdue ? <OverdueMarker /> : null}
    </span>
  );
}

function TaskLinks(props: {
  task: TaskViewData;
  linkTo: (params: Record<string, string>) => string;
}) {
  const { t } = useTranslation();
  const { task } = props;
  return (
    <>
      {task.canChange ? (
        <Link
          to={props.linkTo({ edit: task.id })}
          aria-label={`${t("tasks.edit")}: ${task.title}`}
          className="text-blue-800 underline underline-offset-2"
        >
          {t("tasks.edit")}
        </Link>
      ) : null}
      {task.canDelete ? (
        <Link
          to={props.linkTo({ confirmDelete: task.id })}
          aria-label={`${t("tasks.delete")}: ${task.title}`}
          className="text-blue-800 underline underline-offset-2"
        >
          {t("tasks.delete")}
        </Link>
      ) : null}
    </>
  );
}

/** The list view: a table sorted by due date. */
export function TaskTable(props: {
  tasks: TaskViewData[];
  linkTo: (params: Record<string, string>) => string;
}) {
  const { t } = useTranslation();
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse bg-white text-left">
        <caption className="sr-only">
          {t("tasks.title")}. {t("tasks.sortedByDue")}
        </caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="p-2">
              {t("tasks.columns.title")}
            </th>
            <th scope="col" className="p-2">
              {t("tasks.columns.owner")}
            </th>
            <th scope="col" className="p-2" aria-sort="ascending">
              {t("tasks.columns.dueDate")}
            </th>
            <th scope="col" className="p-2">
              {t("tasks.columns.status")}
            </th>
            <th scope="col" className="p-2">
              {t("tasks.columns.actions")}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.tasks.map((task) => (
            <tr
              key={task.id}
              id={`task-${task.id}`}
              className={`scroll-mt-4 border-b border-slate-200 align-top target:bg-amber-50 ${
                task.overdue ? "border-l-4 border-l-red-800" : ""
              }`}
            >
              <th scope="row" className="p-2 font-medium">
                {task.title}
                {task.description ? (
                  <span className="block whitespace-pre-line text-sm font-normal text-slate-700">
                    {task.description}
                  </span>
                ) : null}
              </th>
              <td className="p-2">{task.ownerName ?? t("tasks.noOwner")}</td>
              <td className="p-2">
                <DueDate task={task} />
              </td>
              <td className="p-2">
                <TaskStatusLabel status={task.status} />
                {task.completedText ? (
                  <span className="block text-sm text-slate-700">{task.completedText}</span>
                ) : null}
              </td>
              <td className="space-y-2 p-2">
                {task.canChange ? (
                  <TaskMoveForm taskId={task.id} title={task.title} status={task.status} />
                ) : null}
                <div className="flex flex-wrap gap-3">
                  <TaskLinks task={task} linkTo={props.linkTo} />
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The board view: a column per status; each card moves with its own select and button. */
export function TaskBoard(props: {
  tasks: TaskViewData[];
  linkTo: (params: Record<string, string>) => string;
}) {
  const { t } = useTranslation();
  return (
    <div className="grid gap-4 md:grid-cols-3">
      {taskStatuses.map((status) => {
        const column = props.tasks.filter((task) => task.status === status);
        const headingId = `board-${status}-heading`;
        return (
          <section
            key={status}
            aria-labelledby={headingId}
            className="space-y-3 rounded-lg border border-slate-300 bg-slate-50 p-3"
          >
            <h3 id={headingId} className="text-lg font-semibold">
              <TaskStatusLabel status={status} />{" "}
              <span className="text-base font-normal text-slate-700">({column.length})</span>
            </h3>
            {column.length === 0 ? (
              <p className="text-slate-700">{t("tasks.emptyColumn")}</p>
            ) : (
              <ul className="space-y-3">
                {column.map((task) => (
                  <li
                    key={task.id}
                    id={`task-${task.id}`}
                    className={`scroll-mt-4 space-y-2 rounded-md border bg-white p-3 target:ring-2 target:ring-amber-500 ${
                      task.overdue ? "border-2 border-red-800" : "border-slate-300"
                    }`}
                  >
                    <h4 className="font-semibold">{task.title}</h4>
                    <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-sm">
                      <dt className="font-medium">{t("tasks.columns.owner")}</dt>
                      <dd>{task.ownerName ?? t("tasks.noOwner")}</dd>
                      <dt className="font-medium">{t("tasks.columns.dueDate")}</dt>
                      <dd>
                        <DueDate task={task} />
                      </dd>
                    </dl>
                    {task.canChange ? (
                      <TaskMoveForm taskId={task.id} title={task.title} status={task.status} />
                    ) : null}
                    <div className="flex flex-wrap gap-3 text-sm">
                      <TaskLinks task={task} linkTo={props.linkTo} />
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
