/** A network's tasks as forms and views: shared by the tasks page and its server module. */
import { z } from "zod";
import { helsinkiToday } from "./meeting-form";

export const taskStatuses = ["not_started", "in_progress", "done"] as const;
export type TaskStatus = (typeof taskStatuses)[number];

export const taskFilters = ["all", "mine", "open", "done"] as const;
export type TaskFilter = (typeof taskFilters)[number];

export const taskViews = ["list", "board"] as const;
export type TaskView = (typeof taskViews)[number];

export function taskFilterOf(value: string | null): TaskFilter {
  return (taskFilters as readonly (string | null)[]).includes(value)
    ? (value as TaskFilter)
    : "all";
}

export function taskViewOf(value: string | null): TaskView {
  return value === "board" ? "board" : "list";
}

/**
 * Overdue: due before today in Helsinki and not done. A task due today is not overdue yet.
 * `today` is YYYY-MM-DD, so the comparison is on the calendar date.
 */
export function isOverdue(
  task: { due_date: string | null; status: TaskStatus },
  today: string = helsinkiToday(),
): boolean {
  return task.due_date !== null && task.status !== "done" && task.due_date < today;
}

const uuid = z.string({ required_error: "invalid" }).uuid("invalid");

const optionalUuid = z
  .string()
  .optional()
  .transform((value) => value?.trim() ?? "")
  .refine((value) => value === "" || z.string().uuid().safeParse(value).success, "invalid")
  .transform((value) => (value === "" ? null : value));

const optionalDate = z
  .string()
  .optional()
  .transform((value) => value?.trim() ?? "")
  .refine(
    (value) =>
      value === "" ||
      (/^\d{4}-\d{2}-\d{2}$/.test(value) &&
        new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value),
    "dateInvalid",
  )
  .transform((value) => (value === "" ? null : value));

/** The fields of a new or edited task. */
export const taskFieldsSchema = z.object({
  title: z.string({ required_error: "required" }).trim().min(1, "required").max(200, "tooLong"),
  description: z
    .string()
    .optional()
    .transform((value) => value?.trim() ?? "")
    .pipe(z.string().max(10000, "tooLong")),
  ownerId: optionalUuid,
  dueDate: optionalDate,
});
export type TaskFields = z.output<typeof taskFieldsSchema>;

export const taskActionSchema = z.discriminatedUnion("intent", [
  taskFieldsSchema.extend({ intent: z.literal("create") }),
  taskFieldsSchema.extend({ intent: z.literal("update"), taskId: uuid }),
  z.object({
    intent: z.literal("move"),
    taskId: uuid,
    status: z.enum(taskStatuses, { message: "invalid" }),
  }),
  z.object({ intent: z.literal("delete"), taskId: uuid }),
]);
export type TaskAction = z.output<typeof taskActionSchema>;

export const taskFields = ["title", "description", "ownerId", "dueDate"] as const;
export type TaskField = (typeof taskFields)[number];

export const taskFieldErrorKeys = [
  "required",
  "tooLong",
  "invalid",
  "dateInvalid",
  "ownerNotMember",
] as const;
export type TaskFieldErrorKey = (typeof taskFieldErrorKeys)[number];
export type TaskFieldErrors = Partial<Record<TaskField, TaskFieldErrorKey>>;

export type TaskActionResult =
  | { success: true; data: TaskAction }
  | { success: false; fieldErrors: TaskFieldErrors };

/** Validates a posted task form; the first problem of each field as a `tasks.errors` key. */
export function parseTaskAction(input: Record<string, unknown>): TaskActionResult {
  const parsed = taskActionSchema.safeParse(input);
  if (parsed.success) return { success: true, data: parsed.data };
  const fieldErrors: TaskFieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (!(taskFields as readonly unknown[]).includes(field)) continue;
    const key = field as TaskField;
    if (fieldErrors[key]) continue;
    fieldErrors[key] = (taskFieldErrorKeys as readonly unknown[]).includes(issue.message)
      ? (issue.message as TaskFieldErrorKey)
      : "invalid";
  }
  return { success: false, fieldErrors };
}
