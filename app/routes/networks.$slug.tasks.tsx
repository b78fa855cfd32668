import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/forms/error-summary";
import { Notice } from "~/components/forms/notice";
import { emptyTaskFormValues, TaskForm, type TaskFormValues } from "~/components/tasks/task-form";
import { TaskBoard, TaskTable, type TaskViewData } from "~/components/tasks/task-views";
import { buttonClass } from "~/components/ui/button";
import { navLinkClass } from "~/components/ui/nav-link-class";
import { type DbErrorKey, dbErrorKey, statusForDbError } from "~/lib/db-errors";
import { formValues } from "~/lib/form-errors";
import { getLocale, i18nServer } from "~/lib/i18n.server";
import { helsinkiToday, meetingTimeZone } from "~/lib/meeting-form";
import { networkName } from "~/lib/network";
import { requireNetwork } from "~/lib/network-access.server";
import { pageTitle } from "~/lib/page-title";
import {
  isOverdue,
  parseTaskAction,
  type TaskField,
  type TaskFieldErrors,
  taskFields,
  taskFilterOf,
  taskFilters,
  taskViewOf,
  taskViews,
} from "~/lib/task-form";
import {
  createTask,
  deleteTask,
  listTasks,
  possibleTaskOwners,
  setTaskStatus,
  updateTask,
} from "~/lib/tasks.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { client, headers, network, user, canWrite, isCoordinator } = await requireNetwork(
    request,
    context,
    params.slug,
  );
  const url = new URL(request.url);
  const filter = taskFilterOf(url.searchParams.get("filter"));
  const view = taskViewOf(url.searchParams.get("view"));
  const locale = await getLocale(request);
  const t = await i18nServer.getFixedT(locale);
  const [tasks, owners] = await Promise.all([
    listTasks(client, network.id, user.id, filter),
    canWrite ? possibleTaskOwners(client, network.id) : Promise.resolve([]),
  ]);
  const today = helsinkiToday();
  const dateFormat = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : locale, {
    dateStyle: "medium",
    timeZone: "UTC",
  });
  const completedFormat = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : locale, {
    dateStyle: "medium",
    timeZone: meetingTimeZone,
  });
  const views: (TaskViewData & { ownerId: string | null })[] = tasks.map((task) => ({
    id: task.id,
    title: task.title,
    description: task.description,
    ownerId: task.ownerId,
    ownerName: task.ownerName,
    dueDate: task.dueDate,
    // A date without a time: formatted in UTC so it is the same calendar day everywhere.
    dueText: task.dueDate ? dateFormat.format(new Date(`${task.dueDate}T00:00:00Z`)) : null,
    status: task.status,
    overdue: isOverdue({ due_date: task.dueDate, status: task.status }, today),
    completedText: task.completedAt
      ? t("tasks.completedOn", { date: completedFormat.format(new Date(task.completedAt)) })
      : null,
    canChange:
      canWrite && (isCoordinator || task.ownerId === user.id || task.createdBy === user.id),
    canDelete: canWrite && (isCoordinator || task.createdBy === user.id),
  }));
  return data(
    {
      title: pageTitle(`${t("tasks.title")} – ${networkName(network, locale)}`),
      slug: network.slug,
      filter,
      view,
      canCreate: canWrite,
      owners,
      tasks: views,
      editing: views.find((task) => task.id === url.searchParams.get("edit") && task.canChange),
      confirmDelete: views.find(
        (task) => task.id === url.searchParams.get("confirmDelete") && task.canDelete,
      ),
    },
    { headers },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Verkko" }];

interface ActionData {
  intent: "create" | "update" | "move" | "delete" | null;
  taskId: string | null;
  values: TaskFormValues | null;
  fieldErrors: TaskFieldErrors;
  formError: DbErrorKey | null;
}

const doneKinds = ["created", "updated", "moved", "deleted"] as const;
type DoneKind = (typeof doneKinds)[number];

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { client, headers, network } = await requireNetwork(request, context, params.slug);
  const form = await request.formData();
  const input = formValues(form);
  const text = (name: string) => (typeof input[name] === "string" ? (input[name] as string) : "");
  const intentValue = text("intent");
  const intent = (["create", "update", "move", "delete"] as const).find(
    (each) => each === intentValue,
  );
  const taskId = text("taskId") || null;
  const values: TaskFormValues = {
    title: text("title"),
    description: text("description"),
    ownerId: text("ownerId"),
    dueDate: text("dueDate"),
  };
  const reply = (status: number, fieldErrors: TaskFieldErrors, formError: DbErrorKey | null) =>
    data<ActionData>(
      { intent: intent ?? null, taskId, values, fieldErrors, formError },
      { status, headers },
    );

  const parsed = parseTaskAction(input);
  if (!parsed.success) {
    const hasFieldErrors = Object.keys(parsed.fieldErrors).length > 0;
    return reply(400, parsed.fieldErrors, hasFieldErrors ? null : "invalidValue");
  }
  const command = parsed.data;
  let result: { id: string } | { error: { code?: string | null; message?: string | null } };
  let done: DoneKind;
  switch (command.intent) {
    case "create": {
      result = await createTask(client, network.id, command);
      done = "created";
      break;
    }
    case "update": {
      const error = await updateTask(client, network.id, command.taskId, command);
      result = error ? { error } : { id: command.taskId };
      done = "updated";
      break;
    }
    case "move": {
      const error = await setTaskStatus(client, network.id, command.taskId, command.status);
      result = error ? { error } : { id: command.taskId };
      done = "moved";
      break;
    }
    case "delete": {
      const error = await deleteTask(client, network.id, command.taskId);
      result = error ? { error } : { id: command.taskId };
      done = "deleted";
      break;
    }
  }
  if ("error" in result) {
    // The database refuses an owner who is not a coordinator or member of the network.
    if (result.error.code === "23514" && /owner/.test(result.error.message ?? "")) {
      return reply(400, { ownerId: "ownerNotMember" }, null);
    }
    const formError = dbErrorKey(result.error);
    if (formError === "unavailable") console.error("A task change failed", result.error);
    return reply(statusForDbError[formError], {}, formError);
  }
  const back = new URL(request.url);
  const next = new URLSearchParams();
  for (const name of ["view", "filter"]) {
    const value = back.searchParams.get(name);
    if (value) next.set(name, value);
  }
  next.set("done", done);
  const anchor = done === "deleted" ? "" : `#task-${result.id}`;
  throw redirect(`/networks/${network.slug}/tasks?${next}${anchor}`, { headers });
}

function isDoneKind(value: string | null): value is DoneKind {
  return (doneKinds as readonly (string | null)[]).includes(value);
}

export default function NetworkTasks() {
  const { slug, filter, view, canCreate, owners, tasks, editing, confirmDelete } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const confirmRef = useRef<HTMLHeadingElement>(null);
  const editRef = useRef<HTMLHeadingElement>(null);
  const done = navigation.state === "idle" && !actionData ? searchParams.get("done") : null;
  const base = `/networks/${slug}/tasks`;

  /** A link to this page with the current view and filter and the given extra parameters. */
  const linkTo = (extra: Record<string, string>, keep: { view?: string; filter?: string } = {}) => {
    const next = new URLSearchParams();
    const nextView = keep.view ?? view;
    const nextFilter = keep.filter ?? filter;
    if (nextView !== "list") next.set("view", nextView);
    if (nextFilter !== "all") next.set("filter", nextFilter);
    for (const [name, value] of Object.entries(extra)) next.set(name, value);
    const query = next.toString();
    return query ? `${base}?${query}` : base;
  };

  useEffect(() => {
    if (confirmDelete) confirmRef.current?.focus();
  }, [confirmDelete]);
  useEffect(() => {
    if (editing) editRef.current?.focus();
  }, [editing]);

  const fieldErrors = actionData?.fieldErrors ?? {};
  const messages = (): Partial<Record<TaskField, string>> => {
    const out: Partial<Record<TaskField, string>> = {};
    for (const field of taskFields) {
      const key = fieldErrors[field];
      if (key) out[field] = t(`tasks.errors.${key}`);
    }
    return out;
  };
  const errors = messages();
  const failedIntent = actionData?.intent ?? null;
  const prefix = failedIntent === "update" ? "edit-task" : "new-task";
  const problems = taskFields.flatMap((field) => {
    const message = errors[field];
    return message ? [{ field: `${prefix}-${field}`, message }] : [];
  });
  const editingFailed = failedIntent === "update" && actionData?.values ? actionData : null;

  return (
    <div className="space-y-6">
      <h2 className="text-2xl font-semibold">{t("tasks.title")}</h2>

      <ErrorSummary
        title={t("tasks.errorSummary")}
        formError={
          actionData?.formError
            ? { id: "task-form-error", message: t(`dbErrors.${actionData.formError}`) }
            : null
        }
        problems={problems}
      />
      {isDoneKind(done) ? <Notice tone="success">{t(`tasks.notices.${done}`)}</Notice> : null}

      {confirmDelete ? (
        <section
          aria-labelledby="confirm-delete-heading"
          className="space-y-3 rounded-lg border-2 border-amber-600 bg-amber-50 p-4"
        >
          <h3
            id="confirm-delete-heading"
            ref={confirmRef}
            tabIndex={-1}
            className="text-xl font-semibold"
          >
            {t("tasks.confirmDeleteTitle", { title: confirmDelete.title })}
          </h3>
          <p>{t("tasks.confirmDeleteText")}</p>
          <div className="flex flex-wrap gap-3">
            <Form method="post">
              <input type="hidden" name="taskId" value={confirmDelete.id} />
              <button
                type="submit"
                name="intent"
                value="delete"
                className={buttonClass("primary")}
                disabled={navigation.state !== "idle"}
              >
                {t("tasks.confirmDeleteSubmit")}
              </button>
            </Form>
            <Link to={linkTo({})} className={buttonClass("secondary")}>
              {t("tasks.keep")}
            </Link>
          </div>
        </section>
      ) : null}

      {editing ? (
        <section
          aria-labelledby="edit-task-heading"
          className="space-y-3 rounded-lg border border-slate-300 bg-white p-4"
        >
          <h3 id="edit-task-heading" ref={editRef} tabIndex={-1} className="text-xl font-semibold">
            {t("tasks.editTitle")}: {editing.title}
          </h3>
          <TaskForm
            key={editing.id}
            mode="update"
            taskId={editing.id}
            values={
              editingFailed?.values ?? {
                title: editing.title,
                description: editing.description,
                ownerId: editing.ownerId ?? "",
                dueDate: editing.dueDate ?? "",
              }
            }
            errors={editingFailed ? errors : {}}
            owners={owners}
            cancelTo={linkTo({})}
          />
        </section>
      ) : null}

      <div className="flex flex-wrap items-start gap-6">
        <nav aria-label={t("tasks.viewLabel")}>
          <ul className="flex gap-1">
            {taskViews.map((each) => (
              <li key={each}>
                <Link
                  to={linkTo({}, { view: each })}
                  aria-current={each === view ? "page" : undefined}
                  className={navLinkClass(each === view)}
                >
                  {t(`tasks.views.${each}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <nav aria-label={t("tasks.filterLabel")}>
          <ul className="flex flex-wrap gap-1">
            {taskFilters.map((each) => (
              <li key={each}>
                <Link
                  to={linkTo({}, { filter: each })}
                  aria-current={each === filter ? "page" : undefined}
                  className={navLinkClass(each === filter)}
                >
                  {t(`tasks.filters.${each}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>

      {tasks.length === 0 ? (
        <p>{t(filter === "all" ? "tasks.empty" : "tasks.emptyFilter")}</p>
      ) : view === "board" ? (
        <TaskBoard tasks={tasks} linkTo={linkTo} />
      ) : (
        <>
          <p className="text-sm text-slate-700">{t("tasks.sortedByDue")}</p>
          <TaskTable tasks={tasks} linkTo={linkTo} />
        </>
      )}

      {canCreate ? (
        <section
          aria-labelledby="new-task-heading"
          className="max-w-2xl space-y-3 rounded-lg border border-slate-200 bg-white p-4"
        >
          <h3 id="new-task-heading" className="text-xl font-semibold">
            {t("tasks.newTask")}
          </h3>
          <TaskForm
            // A fresh, empty form after each task added.
            key={done === "created" ? "after-create" : "create"}
            mode="create"
            values={
              failedIntent === "create" && actionData?.values
                ? actionData.values
                : emptyTaskFormValues
            }
            errors={failedIntent === "create" ? errors : {}}
            owners={owners}
          />
        </section>
      ) : null}
    </div>
  );
}
