import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { inputClass, TextField } from "~/components/forms/text-field";
import { buttonClass } from "~/components/ui/button";
import type { TaskField } from "~/lib/task-form";

export interface TaskFormValues {
  title: string;
  description: string;
  ownerId: string;
  dueDate: string;
}

export const emptyTaskFormValues: TaskFormValues = {
  title: "",
  description: "",
  ownerId: "",
  dueDate: "",
};

/** A new task, or an existing one's details. `errors` are translated messages per field. */
export function TaskForm(props: {
  mode: "create" | "update";
  taskId?: string;
  values: TaskFormValues;
  errors: Partial<Record<TaskField, string>>;
  owners: { userId: string; name: string }[];
  /** Where "Cancel" goes when editing. */
  cancelTo?: string;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const submitting =
    navigation.state === "submitting" && navigation.formData?.get("intent") === props.mode;
  const prefix = props.mode === "create" ? "new-task" : "edit-task";
  const fieldId = (field: TaskField) => `${prefix}-${field}`;
  const { values, errors } = props;
  const describedBy = (field: TaskField, hint = false) =>
    [hint ? `${fieldId(field)}-hint` : null, errors[field] ? `${fieldId(field)}-error` : null]
      .filter(Boolean)
      .join(" ") || undefined;
  return (
    <Form method="post" noValidate className="space-y-4">
      {props.taskId ? <input type="hidden" name="taskId" value={props.taskId} /> : null}
      <TextField
        id={fieldId("title")}
        name="title"
        label={t("tasks.fields.title")}
        error={errors.title}
        defaultValue={values.title}
        maxLength={200}
        required
      />
      <div className="space-y-1">
        <label htmlFor={fieldId("description")} className="block font-medium">
          {t("tasks.fields.description")}
        </label>
        <textarea
          id={fieldId("description")}
          name="description"
          rows={3}
          defaultValue={values.description}
          aria-invalid={errors.description ? true : undefined}
          aria-describedby={describedBy("description")}
          className={inputClass}
        />
        {errors.description ? (
          <p id={`${fieldId("description")}-error`} className="text-sm font-medium text-red-800">
            {errors.description}
          </p>
        ) : null}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor={fieldId("ownerId")} className="block font-medium">
            {t("tasks.fields.owner")}
          </label>
          <p id={`${fieldId("ownerId")}-hint`} className="text-sm text-slate-700">
            {t("tasks.fields.ownerHint")}
          </p>
          <select
            id={fieldId("ownerId")}
            name="ownerId"
            defaultValue={values.ownerId}
            aria-invalid={errors.ownerId ? true : undefined}
            aria-describedby={describedBy("ownerId", true)}
            className={inputClass}
          >
            <option value="">{t("tasks.fields.ownerNone")}</option>
            {props.owners.map((owner) => (
              <option key={owner.userId} value={owner.userId}>
                {owner.name}
              </option>
            ))}
          </select>
          {errors.ownerId ? (
            <p id={`${fieldId("ownerId")}-error`} className="text-sm font-medium text-red-800">
              {errors.ownerId}
            </p>
          ) : null}
        </div>
        <TextField
          id={fieldId("dueDate")}
          name="dueDate"
          type="date"
          label={t("tasks.fields.dueDate")}
          error={errors.dueDate}
          defaultValue={values.dueDate}
        />
      </div>
      <div className="flex flex-wrap gap-3">
        <button
          type="submit"
          name="intent"
          value={props.mode}
          className={buttonClass("primary")}
          disabled={submitting}
        >
          {submitting
            ? t(props.mode === "create" ? "tasks.creating" : "tasks.saving")
            : t(props.mode === "create" ? "tasks.create" : "tasks.save")}
        </button>
        {props.cancelTo ? (
          <Link to={props.cancelTo} className={buttonClass("secondary")}>
            {t("tasks.cancel")}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
