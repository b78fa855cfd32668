import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TextField } from "~/components/forms/text-field";
import { RichTextEditor } from "~/components/rich-text/rich-text-editor";
import { buttonClass } from "~/components/ui/button";
import type { MeetingField, MeetingFormValues } from "~/lib/meeting-form";

/**
 * The meeting's details and agenda (and, when editing, its minutes). Times are typed as Helsinki
 * wall-clock time; the server converts them. `errors` are translated messages per field.
 */
export function MeetingForm(props: {
  values: MeetingFormValues;
  errors: Partial<Record<MeetingField, string>>;
  mode: "create" | "edit";
  /** Drafts of the agenda (and minutes) are kept per network or per meeting. */
  draftKey: string;
  /** Changes when a save succeeded, so the editors start again from the saved text. */
  editorKey?: string;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const submitting =
    navigation.state === "submitting" && navigation.formData?.get("intent") === "save";
  const { values, errors } = props;
  return (
    <Form
      method="post"
      noValidate
      className="space-y-5 rounded-lg border border-slate-200 bg-white p-6"
    >
      <TextField
        id="title"
        label={t("meetings.fields.title")}
        error={errors.title}
        defaultValue={values.title}
        maxLength={200}
        required
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          id="startsAt"
          type="datetime-local"
          label={t("meetings.fields.startsAt")}
          hint={t("meetings.fields.timeHint")}
          error={errors.startsAt}
          defaultValue={values.startsAt}
          required
        />
        <TextField
          id="endsAt"
          type="datetime-local"
          label={t("meetings.fields.endsAt")}
          hint={t("meetings.fields.timeHint")}
          error={errors.endsAt}
          defaultValue={values.endsAt}
          required
        />
      </div>
      <TextField
        id="location"
        label={t("meetings.fields.location")}
        hint={t("meetings.fields.locationHint")}
        error={errors.location}
        defaultValue={values.location}
        maxLength={500}
      />
      <TextField
        id="videoUrl"
        type="url"
        inputMode="url"
        label={t("meetings.fields.videoUrl")}
        hint={t("meetings.fields.videoUrlHint")}
        error={errors.videoUrl}
        defaultValue={values.videoUrl}
        placeholder="https://"
      />
      <TextField
        id="capacity"
        inputMode="numeric"
        label={t("meetings.fields.capacity")}
        hint={t("meetings.fields.capacityHint")}
        error={errors.capacity}
        defaultValue={values.capacity}
        className="max-w-xs"
      />
      <div className="flex items-center gap-2">
        <input
          id="registrationOpen"
          name="registrationOpen"
          type="checkbox"
          defaultChecked={values.registrationOpen}
          className="h-5 w-5"
        />
        <label htmlFor="registrationOpen" className="font-medium">
          {t("meetings.fields.registrationOpen")}
        </label>
      </div>
      <RichTextEditor
        key={`agenda-${props.editorKey ?? ""}`}
        name="agenda"
        label={t("meetings.agenda")}
        description={t("meetings.fields.agendaHint")}
        initialHtml={values.agendaHtml}
        error={errors.agenda}
        draftKey={`${props.draftKey}:agenda`}
      />
      {props.mode === "edit" ? (
        <RichTextEditor
          key={`minutes-${props.editorKey ?? ""}`}
          name="minutes"
          label={t("meetings.minutes")}
          description={t("meetings.fields.minutesHint")}
          initialHtml={values.minutesHtml}
          error={errors.minutes}
          draftKey={`${props.draftKey}:minutes`}
        />
      ) : null}
      <button
        type="submit"
        name="intent"
        value="save"
        className={buttonClass("primary")}
        disabled={submitting}
      >
        {submitting
          ? t(props.mode === "create" ? "meetings.creating" : "meetings.saving")
          : t(props.mode === "create" ? "meetings.create" : "meetings.save")}
      </button>
    </Form>
  );
}
