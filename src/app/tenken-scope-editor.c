/* tenken-scope-editor.c
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-scope-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "tenken-date-row.h"
#include "tenken-scope-editor.h"

/* The roles in the order they are offered */
static const TenkenRoles all_roles[] = {
  TENKEN_ROLE_DEVELOPER,
  TENKEN_ROLE_SUPPLIER,
  TENKEN_ROLE_OPERATOR,
  TENKEN_ROLE_CUSTOMER,
  TENKEN_ROLE_CLOUD_SERVICE_PROVIDER,
  TENKEN_ROLE_ASSESSOR,
};
#define N_ROLES G_N_ELEMENTS (all_roles)

typedef enum
{
  FIELD_ORGANISATION = 1 << 0,
  FIELD_SERVICE      = 1 << 1,
  FIELD_ROLES        = 1 << 2,
  FIELD_PERIOD       = 1 << 3,
  FIELD_OTHER        = 1 << 4,
  FIELD_ALL          = 0x1f,
} Field;

struct _TenkenScopeEditor
{
  GtkWidget       parent_instance;

  TenkenRoles     available_roles;
  Field           touched;
  gboolean        valid;
  /* Set while set_scope() fills the fields, so that is no user edit */
  gboolean        loading;

  AdwEntryRow    *organisation_row;
  AdwEntryRow    *service_row;
  AdwEntryRow    *assessor_row;
  AdwEntryRow    *notes_row;
  AdwPreferencesGroup *roles_group;
  AdwComboRow    *tier_row;
  AdwComboRow    *type_row;
  TenkenDateRow  *start_row;
  TenkenDateRow  *end_row;
  GtkLabel       *error_label;

  AdwActionRow   *role_rows[N_ROLES];
  GtkCheckButton *role_checks[N_ROLES];
};

G_DEFINE_FINAL_TYPE (TenkenScopeEditor, tenken_scope_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_AVAILABLE_ROLES,
  PROP_VALID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;

  return TRUE;
}

/* Trimmed text of an entry row; NULL when blank */
static char *
dup_row_text (AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  if (is_blank (text))
    return NULL;

  return g_strstrip (g_strdup (text));
}

static TenkenRoles
get_selected_roles (TenkenScopeEditor *self)
{
  TenkenRoles roles = 0;

  for (guint i = 0; i < N_ROLES; i++)
    if (gtk_check_button_get_active (self->role_checks[i]))
      roles |= all_roles[i];

  return roles;
}

static void
set_row_error (gpointer row,
               gboolean error)
{
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static void
tenken_scope_editor_update (TenkenScopeEditor *self)
{
  g_autoptr(TenkenScope) scope = tenken_scope_editor_dup_scope (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) message = g_string_new (NULL);
  const char *start = tenken_scope_get_period_start (scope);
  const char *end = tenken_scope_get_period_end (scope);
  gboolean org_bad = tenken_scope_get_organisation (scope) == NULL;
  gboolean service_bad = tenken_scope_get_service (scope) == NULL;
  gboolean roles_bad = self->available_roles != 0 &&
                       (tenken_scope_get_roles (scope) & self->available_roles) == 0;
  gboolean period_bad = start != NULL && end != NULL && g_strcmp0 (start, end) > 0;
  gboolean valid;

  /* The core's rules decide; the checks above only say where to point */
  valid = tenken_scope_validate (scope, &error) && !roles_bad;

  org_bad = org_bad && (self->touched & FIELD_ORGANISATION);
  service_bad = service_bad && (self->touched & FIELD_SERVICE);
  roles_bad = roles_bad && (self->touched & FIELD_ROLES);
  period_bad = period_bad && (self->touched & FIELD_PERIOD);

  set_row_error (self->organisation_row, org_bad);
  set_row_error (self->service_row, service_bad);
  set_row_error (self->end_row, period_bad);

  if (org_bad)
    g_string_append_printf (message, "%s\n", _("Enter the organisation that is assessed."));
  if (service_bad)
    g_string_append_printf (message, "%s\n", _("Enter the service or product that is assessed."));
  if (roles_bad)
    g_string_append_printf (message, "%s\n", _("Choose at least one role."));
  if (period_bad)
    g_string_append_printf (message, "%s\n",
                            _("The assessment period ends before it starts: choose a later end date."));
  if (message->len == 0 && error != NULL && self->touched == FIELD_ALL)
    g_string_append_printf (message, "%s\n", error->message);

  if (message->len > 0)
    g_string_truncate (message, message->len - 1);

  gtk_label_set_label (self->error_label, message->str);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message->len > 0);

  if (valid != self->valid)
    {
      self->valid = valid;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
    }
}

static void
field_changed (TenkenScopeEditor *self,
               Field              field)
{
  if (self->loading)
    return;

  self->touched |= field;
  tenken_scope_editor_update (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_organisation_changed (TenkenScopeEditor *self)
{
  field_changed (self, FIELD_ORGANISATION);
}

static void
on_service_changed (TenkenScopeEditor *self)
{
  field_changed (self, FIELD_SERVICE);
}

static void
on_period_changed (TenkenScopeEditor *self)
{
  field_changed (self, FIELD_PERIOD);
}

static void
on_other_changed (TenkenScopeEditor *self)
{
  field_changed (self, FIELD_OTHER);
}

static void
on_role_toggled (TenkenScopeEditor *self)
{
  field_changed (self, FIELD_ROLES);
}

static GtkStringList *
new_tier_model (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = TENKEN_TIER_PRIME; i <= TENKEN_TIER_SUB; i++)
    gtk_string_list_append (list, tenken_tier_get_display_name ((TenkenTier) i));

  return list;
}

static GtkStringList *
new_assessment_type_model (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = TENKEN_ASSESSMENT_SELF; i <= TENKEN_ASSESSMENT_OPERATIONAL; i++)
    gtk_string_list_append (list, tenken_assessment_type_get_display_name ((TenkenAssessmentType) i));

  return list;
}

static void
tenken_scope_editor_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), TENKEN_TYPE_SCOPE_EDITOR);

  /* dispose_template() only drops the bound children */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (tenken_scope_editor_parent_class)->dispose (object);
}

static void
tenken_scope_editor_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TenkenScopeEditor *self = TENKEN_SCOPE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_AVAILABLE_ROLES:
      g_value_set_flags (value, self->available_roles);
      break;
    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tenken_scope_editor_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  TenkenScopeEditor *self = TENKEN_SCOPE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_AVAILABLE_ROLES:
      tenken_scope_editor_set_available_roles (self, g_value_get_flags (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tenken_scope_editor_class_init (TenkenScopeEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tenken_scope_editor_dispose;
  object_class->get_property = tenken_scope_editor_get_property;
  object_class->set_property = tenken_scope_editor_set_property;

  properties[PROP_AVAILABLE_ROLES] =
    g_param_spec_flags ("available-roles", NULL, NULL,
                        TENKEN_TYPE_ROLES, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TenkenScopeEditor::changed:
   *
   * Emitted when the user edits any field.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/tenken-scope-editor.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, TenkenScopeEditor, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, TenkenScopeEditor, service_row);
  gtk_widget_class_bind_template_child (widget_class, TenkenScopeEditor, assessor_row);
  gtk_widget_class_bind_template_child (widget_class, TenkenScopeEditor, notes_row);
  gtk_widget_class_bind_template_child (widget_class, TenkenScopeEditor, roles_group);
  gtk_widget_class_bind_template_child (widget_class, TenkenScopeEditor, tier_row);
  gtk_widget_class_bind_template_child (widget_class, TenkenScopeEditor, type_row);
  gtk_widget_class_bind_template_child (widget_class, TenkenScopeEditor, start_row);
  gtk_widget_class_bind_template_child (widget_class, TenkenScopeEditor, end_row);
  gtk_widget_class_bind_template_child (widget_class, TenkenScopeEditor, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_organisation_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_service_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_period_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_other_changed);

  g_type_ensure (TENKEN_TYPE_DATE_ROW);
}

static void
tenken_scope_editor_init (TenkenScopeEditor *self)
{
  g_autoptr(GtkStringList) tiers = new_tier_model ();
  g_autoptr(GtkStringList) types = new_assessment_type_model ();

  /* Template signals fire while it is built, before the role rows exist */
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 24);

  adw_combo_row_set_model (self->tier_row, G_LIST_MODEL (tiers));
  adw_combo_row_set_model (self->type_row, G_LIST_MODEL (types));

  for (guint i = 0; i < N_ROLES; i++)
    {
      self->role_checks[i] = GTK_CHECK_BUTTON (gtk_check_button_new ());
      gtk_widget_set_valign (GTK_WIDGET (self->role_checks[i]), GTK_ALIGN_CENTER);
      g_signal_connect_object (self->role_checks[i], "toggled",
                               G_CALLBACK (on_role_toggled), self, G_CONNECT_SWAPPED);

      self->role_rows[i] = ADW_ACTION_ROW (adw_action_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->role_rows[i]),
                                     tenken_role_get_display_name (all_roles[i]));
      adw_action_row_add_prefix (self->role_rows[i], GTK_WIDGET (self->role_checks[i]));
      /* which also names the check button by the row's title */
      adw_action_row_set_activatable_widget (self->role_rows[i], GTK_WIDGET (self->role_checks[i]));
      adw_preferences_group_add (self->roles_group, GTK_WIDGET (self->role_rows[i]));
    }

  self->loading = FALSE;
  tenken_scope_editor_set_available_roles (self, 0);
  tenken_scope_editor_update (self);
}

GtkWidget *
tenken_scope_editor_new (void)
{
  return g_object_new (TENKEN_TYPE_SCOPE_EDITOR, NULL);
}

void
tenken_scope_editor_set_scope (TenkenScopeEditor *self,
                               TenkenScope       *scope)
{
  TenkenRoles roles;

  g_return_if_fail (TENKEN_IS_SCOPE_EDITOR (self));
  g_return_if_fail (TENKEN_IS_SCOPE (scope));

  self->loading = TRUE;

#define SET_TEXT(row, value) gtk_editable_set_text (GTK_EDITABLE (row), (value) ? (value) : "")
  SET_TEXT (self->organisation_row, tenken_scope_get_organisation (scope));
  SET_TEXT (self->service_row, tenken_scope_get_service (scope));
  SET_TEXT (self->assessor_row, tenken_scope_get_assessor (scope));
  SET_TEXT (self->notes_row, tenken_scope_get_notes (scope));
#undef SET_TEXT

  roles = tenken_scope_get_roles (scope);
  for (guint i = 0; i < N_ROLES; i++)
    gtk_check_button_set_active (self->role_checks[i], (roles & all_roles[i]) != 0);

  adw_combo_row_set_selected (self->tier_row, tenken_scope_get_tier (scope));
  adw_combo_row_set_selected (self->type_row, tenken_scope_get_assessment_type (scope));
  tenken_date_row_set_date (self->start_row, tenken_scope_get_period_start (scope));
  tenken_date_row_set_date (self->end_row, tenken_scope_get_period_end (scope));

  self->loading = FALSE;

  /* A stored scope is shown with all its problems at once */
  self->touched = FIELD_ALL;
  tenken_scope_editor_update (self);
}

TenkenScope *
tenken_scope_editor_dup_scope (TenkenScopeEditor *self)
{
  TenkenScope *scope;
  g_autofree char *organisation = NULL;
  g_autofree char *service = NULL;
  g_autofree char *assessor = NULL;
  g_autofree char *notes = NULL;
  guint tier, type;

  g_return_val_if_fail (TENKEN_IS_SCOPE_EDITOR (self), NULL);

  organisation = dup_row_text (self->organisation_row);
  service = dup_row_text (self->service_row);
  assessor = dup_row_text (self->assessor_row);
  notes = dup_row_text (self->notes_row);
  tier = adw_combo_row_get_selected (self->tier_row);
  type = adw_combo_row_get_selected (self->type_row);

  scope = tenken_scope_new ();
  tenken_scope_set_organisation (scope, organisation);
  tenken_scope_set_service (scope, service);
  tenken_scope_set_assessor (scope, assessor);
  tenken_scope_set_notes (scope, notes);
  tenken_scope_set_roles (scope, get_selected_roles (self));
  tenken_scope_set_tier (scope, tier == GTK_INVALID_LIST_POSITION ? TENKEN_TIER_PRIME : (TenkenTier) tier);
  tenken_scope_set_assessment_type (scope, type == GTK_INVALID_LIST_POSITION
                                           ? TENKEN_ASSESSMENT_SELF : (TenkenAssessmentType) type);
  tenken_scope_set_period_start (scope, tenken_date_row_get_date (self->start_row));
  tenken_scope_set_period_end (scope, tenken_date_row_get_date (self->end_row));

  return scope;
}

TenkenRoles
tenken_scope_editor_get_available_roles (TenkenScopeEditor *self)
{
  g_return_val_if_fail (TENKEN_IS_SCOPE_EDITOR (self), 0);

  return self->available_roles;
}

void
tenken_scope_editor_set_available_roles (TenkenScopeEditor *self,
                                         TenkenRoles        roles)
{
  g_return_if_fail (TENKEN_IS_SCOPE_EDITOR (self));

  roles &= TENKEN_ROLES_ALL;

  for (guint i = 0; i < N_ROLES; i++)
    gtk_widget_set_visible (GTK_WIDGET (self->role_rows[i]), (roles & all_roles[i]) != 0);
  gtk_widget_set_visible (GTK_WIDGET (self->roles_group), roles != 0);

  if (roles == self->available_roles)
    return;

  self->available_roles = roles;
  tenken_scope_editor_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AVAILABLE_ROLES]);
}

gboolean
tenken_scope_editor_get_valid (TenkenScopeEditor *self)
{
  g_return_val_if_fail (TENKEN_IS_SCOPE_EDITOR (self), FALSE);

  return self->valid;
}

void
tenken_scope_editor_show_errors (TenkenScopeEditor *self)
{
  g_return_if_fail (TENKEN_IS_SCOPE_EDITOR (self));

  self->touched = FIELD_ALL;
  tenken_scope_editor_update (self);
}
