import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { buttonClass } from "~/components/ui/button";
import { type TaskStatus, taskStatuses } from "~/lib/task-form";

/**
 * Changes a task's status with a select and a "Move" button: the board's alternative to drag and
 * drop, which works with a keyboard and without JavaScript.
 */
export function TaskMoveForm(props: { taskId: string; title: string; status: TaskStatus }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const id = `task-${props.taskId}-status`;
  const busy =
    navigation.state === "submitting" && navigation.formData?.get("taskId") === props.taskId;
  return (
    <Form method="post" className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="taskId" value={props.taskId} />
      <div>
        <label htmlFor={id} className="sr-only">
          {t("tasks.statusLabel")}: {props.title}
        </label>
        <select
          id={id}
          name="status"
          defaultValue={props.status}
          className="rounded-md border border-slate-500 bg-white px-2 py-1.5"
        >
          {taskStatuses.map((status) => (
            <option key={status} value={status}>
              {t(`tasks.statuses.${status}`)}
            </option>
          ))}
        </select>
      </div>
      <button
        type="submit"
        name="intent"
        value="move"
        aria-label={`${t("tasks.move")}: ${props.title}`}
        className={buttonClass("secondary")}
        disabled={busy}
      >
        {t("tasks.move")}
      </button>
    </Form>
  );
}
