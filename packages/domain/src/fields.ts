import { z } from 'zod';
import { fieldLabels, type FieldKey } from './field-labels';
import { formatMessage, type Locale, type MessageCode, type MessageParams } from './messages';

/** The clock future-time checks read; `toleranceMs` absorbs skew between a client's clock and ours. */
export interface Clock {
  now: () => Date;
  toleranceMs: number;
}

/** Mobile (11 digits), landline with area code and optional extension (0883-2122496), or a local number (2122496, 000). */
export const PHONE_PATTERN = /^(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(?:-\d{1,6})?|\d{7,8})$/;

/** 6-digit administrative division code (GB/T 2260): province, city or county level. */
export const DIVISION_CODE_PATTERN = /^\d{6}$/;

/**
 * Builders of field schemas whose messages name the field in `locale` ("死亡人数不能为负数").
 * Every schema factory of the domain builds its fields here, so messages stay in one table.
 */
/** The earliest time a report may name. */
export const EARLIEST_INSTANT = new Date('2000-01-01T00:00:00+08:00');

/** Whether a text shows anything: zero-width and other format characters alone (U+200B…) are as empty as spaces. */
const hasVisibleText = (text: string) => /[^\s\p{Cf}]/u.test(text);

export function fieldsFor(locale: Locale, clock?: Clock) {
  const label = (field: FieldKey) => fieldLabels[locale][field];
  const msg = (code: MessageCode, params?: MessageParams) => formatMessage(locale, code, params);
  const about = (field: FieldKey, code: MessageCode, params: MessageParams = {}) => ({ error: msg(code, { field: label(field), ...params }) });
  /** Missing → "…为必填项"; present but of the wrong type → "…格式不正确". */
  const typed = (field: FieldKey, wrong: MessageCode = 'invalidType') => ({
    error: (issue: { input?: unknown }) => msg(issue.input === undefined ? 'required' : wrong, { field: label(field) }),
  });

  return {
    label,
    msg,
    string: (field: FieldKey) => z.string(typed(field)),
    list: <T extends z.ZodType>(field: FieldKey, item: T) => z.array(item, typed(field)),
    text: (field: FieldKey, max = 2000) =>
      z
        .string(typed(field))
        .trim()
        .min(1, about(field, 'text.empty'))
        .max(max, about(field, 'text.tooLong', { max }))
        .refine((text) => text === '' || hasVisibleText(text), about(field, 'text.empty')), // '' is min(1)'s
    id: (field: FieldKey) => z.string(typed(field)).trim().min(1, about(field, 'text.empty')).max(64, about(field, 'text.tooLong', { max: 64 })),
    count: (field: FieldKey) => z.number(typed(field)).int(about(field, 'count.notInteger')).nonnegative(about(field, 'count.negative')),
    amount: (field: FieldKey) => z.number(typed(field)).nonnegative(about(field, 'count.negative')),
    range: (field: FieldKey, min: number, max: number) =>
      z.number(typed(field)).min(min, about(field, 'number.range', { min, max })).max(max, about(field, 'number.range', { min, max })),
    flag: (field: FieldKey) => z.boolean(typed(field)),
    phone: (field: FieldKey) => z.string(typed(field)).trim().regex(PHONE_PATTERN, about(field, 'phone.invalid')),
    divisionCode: (field: FieldKey) => z.string(typed(field)).regex(DIVISION_CODE_PATTERN, about(field, 'divisionCode.invalid')),
    group: <S extends z.ZodRawShape>(field: FieldKey, shape: S) => z.strictObject(shape, typed(field)),
    oneOf: <const T extends readonly [string, ...string[]]>(field: FieldKey, values: T, optionLabels: Record<T[number], string>) =>
      z.enum(values, {
        error: (issue) =>
          issue.input === undefined
            ? msg('required', { field: label(field) })
            : msg('enum.invalid', { field: label(field), options: values.map((v: T[number]) => `${v}（${optionLabels[v]}）`).join('、') }),
      }),
    /**
     * An instant: a Date, or an ISO 8601 string with offset; not before 2000 (a year typed wrong, 0001 or 1026,
     * would set every clock long past and alert everyone at once) and never later than now + tolerance when a
     * clock is given.
     */
    instant: (field: FieldKey) =>
      z
        .union([z.date(typed(field, 'instant.invalid')), z.iso.datetime({ offset: true, ...about(field, 'instant.invalid') })], typed(field, 'instant.invalid'))
        .transform((value) => (value instanceof Date ? value : new Date(value)))
        .refine((d) => d.getTime() >= EARLIEST_INSTANT.getTime(), about(field, 'instant.tooEarly'))
        .refine((d) => !clock || d.getTime() <= clock.now().getTime() + clock.toleranceMs, about(field, 'instant.future')),
  };
}

export type Fields = ReturnType<typeof fieldsFor>;
