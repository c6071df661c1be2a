/**
 * A validated form: values in a store, the rules' message codes per field, the submit through one
 * action. The rules live beside each form (users/form.ts, billing/plans/form.ts); this draws what
 * such forms draw the same way: a text field with its message. Every form of the SPA ends with
 * FormFooter, validated or not.
 */
import { createMemo, createSignal, type JSX, onCleanup, Show, splitProps } from "solid-js";
import { createStore, type SetStoreFunction } from "solid-js/store";
import { ApiError } from "../api/client";
import { t } from "../i18n";
import { createAction } from "../lib/action";
import { ErrorBox } from "./Async";

/** What a form's rules return: the API's input, or a message code per wrong field. */
type Validated<Field extends string> =
  | { input: unknown; errors?: undefined }
  | { errors: Partial<Record<Field, string>>; input?: undefined };

/** Each field's message slot, and what of the last failure has no field here (the footer's). */
export interface FieldMessages<Field extends string> {
  /** The field's message, announced, with the id `described` points at. */
  fieldError: (field: Field) => JSX.Element;
  /** The input's aria attributes for its field's message. */
  described: (field: Field) => { "aria-invalid": boolean; "aria-describedby": string | undefined };
  /** The last failure unless every field it refused has its message beside that field. */
  footerError: () => unknown;
}

/**
 * Puts each message of a form beside its field: the form's own rules' and the API's refusals
 * (BAD_USER_INPUT names each field by its input path, "address" or "prices.0.amount"). A refusal
 * finds the slot of its whole path, else of the path's first part; `apiFields` names the slot
 * where the form calls a field otherwise. Slots are the fields whose message is drawn now.
 */
export function createFieldMessages<Field extends string>(options: {
  error: () => unknown;
  /** The form's own message for a field, in words. */
  own?: (field: Field) => string | undefined;
  apiFields?: Partial<Record<string, Field>>;
  /** Keeps message ids apart when two forms could share a page. */
  idPrefix?: string;
}): FieldMessages<Field> {
  const slots = new Set<string>();
  const refusals = createMemo(() => {
    const error = options.error();
    const byField: Partial<Record<string, string>> = {};
    if (!(error instanceof ApiError) || error.fields.length === 0) return { byField, allPlaced: false };
    let allPlaced = true;
    for (const problem of error.fields) {
      const head = problem.path.split(".")[0]!;
      const names = [options.apiFields?.[problem.path], options.apiFields?.[head], problem.path, head];
      const field = names.find((name) => name !== undefined && slots.has(name));
      if (field) byField[field] ??= problem.message;
      else allPlaced = false;
    }
    return { byField, allPlaced };
  });
  const message = (field: Field) => options.own?.(field) ?? refusals().byField[field];
  const errorId = (field: Field) => `${options.idPrefix ?? ""}${field}-error`;
  return {
    fieldError: (field) => {
      slots.add(field);
      onCleanup(() => slots.delete(field));
      return (
        <Show when={message(field)}>
          {(text) => (
            <span class="field-error" id={errorId(field)} role="alert">
              {text()}
            </span>
          )}
        </Show>
      );
    },
    described: (field) => ({
      "aria-invalid": Boolean(message(field)),
      "aria-describedby": message(field) ? errorId(field) : undefined,
    }),
    footerError: () => (refusals().allPlaced ? null : options.error()),
  };
}

export interface ValidatedForm<Values extends object, Field extends string> extends FieldMessages<Field> {
  values: Values;
  setValues: SetStoreFunction<Values>;
  action: ReturnType<typeof createAction>;
  submit: (event: SubmitEvent) => Promise<void>;
}

export function createValidatedForm<
  Values extends object,
  Result extends Validated<string>,
  Field extends string = keyof NonNullable<Result["errors"]> & string,
>(options: {
  initial: Values;
  validate: (values: Values) => Result;
  onSubmit: (input: NonNullable<Result["input"]>) => Promise<void>;
  /** The words for a message code the rules returned. */
  message: (code: string) => string;
  apiFields?: Partial<Record<string, NoInfer<Field>>>;
  idPrefix?: string;
}): ValidatedForm<Values, Field> {
  const [values, setValues] = createStore<Values>(structuredClone(options.initial));
  const [errors, setErrors] = createSignal<Partial<Record<Field, string>>>({});
  const action = createAction();
  const messages = createFieldMessages<Field>({
    error: action.error,
    own: (field) => {
      const code = errors()[field];
      return code === undefined ? undefined : options.message(code);
    },
    apiFields: options.apiFields,
    idPrefix: options.idPrefix,
  });
  return {
    ...messages,
    values,
    setValues,
    action,
    submit: async (event) => {
      event.preventDefault();
      const result = options.validate(values);
      setErrors(() => result.errors ?? {});
      const input = result.input;
      if (input != null) await action.run(() => options.onSubmit(input));
    },
  };
}

/**
 * A labelled text input of a validated form, with its field's message under it. It edits the
 * form's value of the same name unless given `value` and `onValue` (a nested or normalised field).
 */
export function TextField<Field extends string>(
  props: {
    form: FieldMessages<Field> & { values?: object; setValues?: unknown };
    field: Field;
    label: JSX.Element;
    value?: string;
    onValue?: (value: string) => void;
  } & Omit<JSX.InputHTMLAttributes<HTMLInputElement>, "form" | "value" | "onInput">,
) {
  const [own, input] = splitProps(props, ["form", "field", "label", "value", "onValue"]);
  // A form without a store (read with FormData on submit) leaves the input its own value.
  const stored = () => (own.form.values as Record<string, string> | undefined)?.[own.field];
  const store = (value: string) =>
    (own.form.setValues as ((key: string, value: string) => void) | undefined)?.(own.field, value);
  return (
    <div class="field">
      <label>
        {own.label}
        <input
          name={own.field}
          value={own.value ?? stored() ?? ""}
          onInput={(e) => (own.onValue ?? store)(e.currentTarget.value)}
          {...input}
          {...own.form.described(own.field)}
        />
      </label>
      {own.form.fieldError(own.field)}
    </div>
  );
}

/**
 * The form's failure, if its last submit failed, and its submit button, which says it is saving
 * while `busy` and cannot be pressed again until the save is done.
 */
export function FormFooter(props: { error: unknown; busy?: boolean; disabled?: boolean; label: string }) {
  return (
    <>
      <Show when={props.error}>
        <ErrorBox error={props.error} />
      </Show>
      <div class="actions">
        <button type="submit" class="primary" disabled={props.busy || props.disabled}>
          {props.busy ? t("state.saving") : props.label}
        </button>
      </div>
    </>
  );
}
