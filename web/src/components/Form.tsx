/**
 * A validated form: values in a store, the rules' message codes per field, the submit through one
 * action. The rules live beside each form (users/form.ts, billing/plans/form.ts); this draws what
 * such forms draw the same way: a text field with its message. Every form of the SPA ends with
 * FormFooter, validated or not.
 */
import { createSignal, type JSX, Show, splitProps } from "solid-js";
import { createStore, type SetStoreFunction } from "solid-js/store";
import { t } from "../i18n";
import { createAction } from "../lib/action";
import { ErrorBox } from "./Async";

/** What a form's rules return: the API's input, or a message code per wrong field. */
type Validated<Field extends string> =
  | { input: unknown; errors?: undefined }
  | { errors: Partial<Record<Field, string>>; input?: undefined };

export interface ValidatedForm<Values extends object, Field extends string> {
  values: Values;
  setValues: SetStoreFunction<Values>;
  action: ReturnType<typeof createAction>;
  submit: (event: SubmitEvent) => Promise<void>;
  /** The field's message, announced, with the id `described` points at. */
  fieldError: (field: Field) => JSX.Element;
  /** The input's aria attributes for its field's message. */
  described: (field: Field) => { "aria-invalid": boolean; "aria-describedby": string | undefined };
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
  /** Keeps message ids apart when two forms could share a page. */
  idPrefix?: string;
}): ValidatedForm<Values, Field> {
  const [values, setValues] = createStore<Values>(structuredClone(options.initial));
  const [errors, setErrors] = createSignal<Partial<Record<Field, string>>>({});
  const action = createAction();
  const errorId = (field: Field) => `${options.idPrefix ?? ""}${field}-error`;
  return {
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
    fieldError: (field) => (
      <Show when={errors()[field]}>
        {(code) => (
          <span class="field-error" id={errorId(field)} role="alert">
            {options.message(code())}
          </span>
        )}
      </Show>
    ),
    described: (field) => ({
      "aria-invalid": Boolean(errors()[field]),
      "aria-describedby": errors()[field] ? errorId(field) : undefined,
    }),
  };
}

/**
 * A labelled text input of a validated form, with its field's message under it. It edits the
 * form's value of the same name unless given `value` and `onValue` (a nested or normalised field).
 */
export function TextField<Values extends object, Field extends string>(
  props: {
    form: ValidatedForm<Values, Field>;
    field: Field;
    label: JSX.Element;
    value?: string;
    onValue?: (value: string) => void;
  } & Omit<JSX.InputHTMLAttributes<HTMLInputElement>, "form" | "value" | "onInput">,
) {
  const [own, input] = splitProps(props, ["form", "field", "label", "value", "onValue"]);
  const stored = () => (own.form.values as Record<string, unknown>)[own.field] as string;
  const store = (value: string) => (own.form.setValues as (key: string, value: string) => void)(own.field, value);
  return (
    <div class="field">
      <label>
        {own.label}
        <input
          name={own.field}
          value={own.value ?? stored()}
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
