import type { ComponentChildren } from "preact";
import { type Column, DataTable } from "../../components/DataTable";
import type { FieldSpec } from "../../components/EditForm";
import type { RefSection, SettingsPageModel } from "../../models/settings";
import { RowActions, SettingsSection, status } from "./Section";

const CODE_HINT = "Letters, digits, '_', '.', '-'. Other systems use it; it cannot change later.";
/** The code every reference form starts with: given when adding, shown but fixed when editing. */
export const codeField = (c: string | null): FieldSpec => ({
  name: "code",
  label: "Code",
  hint: c ? undefined : CODE_HINT,
  readOnly: c !== null,
  required: true,
});
export const nameField: FieldSpec = { name: "name", label: "Name", required: true };

type Row = { code: string; retiredAt: number | null };

/**
 * A kind of reference data: its section with the add / edit form (saved through the page
 * model), and its table, whose last two columns are the status and the row's edit and
 * retire buttons. `initial` fills the form from the row being edited (undefined: adding).
 */
export function ReferenceSection<R extends Row>(p: {
  m: SettingsPageModel;
  id: RefSection;
  title: string;
  /** The table's caption, when the heading says more than the table holds. */
  caption?: string;
  noun: string;
  rows: readonly R[];
  fields: (code: string | null) => FieldSpec[];
  initial: (row: R | undefined, code: string | null) => Record<string, string>;
  aliases?: Record<string, string>;
  columns: Column<R>[];
  /** The row's name for screen readers ("Edit Waste Services"). */
  label: (row: R) => string;
  /** More buttons of a row, between Edit and Retire. */
  rowButtons?: (row: R) => ComponentChildren;
  /** Shown under the table. */
  children?: ComponentChildren;
}) {
  const { m, id } = p;
  return (
    <SettingsSection
      m={m}
      id={id}
      title={p.title}
      noun={p.noun}
      form={{
        fields: p.fields,
        initial: (c) =>
          p.initial(
            p.rows.find((r) => r.code === c),
            c,
          ),
        aliases: p.aliases,
        submit: (c, v) => m.save(id, c, v),
      }}
    >
      <DataTable
        captionHidden
        caption={p.caption ?? p.title}
        filename={`${id}.csv`}
        empty="None yet."
        rowKey={(r) => r.code}
        rows={p.rows}
        columns={[
          ...p.columns,
          { header: "Status", cell: (r) => status(r.retiredAt), csv: (r) => status(r.retiredAt) },
          {
            header: "Actions",
            cell: (r) => (
              <RowActions
                label={p.label(r)}
                retired={r.retiredAt !== null}
                onEdit={() => m.openForm(id, r.code)}
                onRetire={(retired) => void m.setRetired(id, r.code, retired)}
              >
                {p.rowButtons?.(r)}
              </RowActions>
            ),
            csv: () => null,
          },
        ]}
      />
      {p.children}
    </SettingsSection>
  );
}
