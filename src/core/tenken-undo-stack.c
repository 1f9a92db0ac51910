/* tenken-undo-stack.c
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-undo-stack"

#include "config.h"

#include "tenken-catalog-node.h"
#include "tenken-undo-stack.h"

/* Edits of one text field closer together than this become one undo step */
#define MERGE_USEC (3 * G_USEC_PER_SEC)

typedef struct
{
  /* Either two response copies or two scope copies */
  TenkenResponse *old_response;
  TenkenResponse *new_response;
  TenkenScope    *old_scope;
  TenkenScope    *new_scope;
  gint64          time;
} Step;

struct _TenkenUndoStack
{
  GObject         parent_instance;

  TenkenDocument *document;
  GQueue          undo;   /* Step*, newest at the head */
  GQueue          redo;
};

G_DEFINE_FINAL_TYPE (TenkenUndoStack, tenken_undo_stack, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
step_free (gpointer data)
{
  Step *step = data;

  g_clear_object (&step->old_response);
  g_clear_object (&step->new_response);
  g_clear_object (&step->old_scope);
  g_clear_object (&step->new_scope);
  g_free (step);
}

static void
notify_state (TenkenUndoStack *self,
              gboolean         could_undo,
              gboolean         could_redo)
{
  if (could_undo != tenken_undo_stack_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != tenken_undo_stack_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static void
tenken_undo_stack_finalize (GObject *object)
{
  TenkenUndoStack *self = TENKEN_UNDO_STACK (object);

  g_queue_clear_full (&self->undo, step_free);
  g_queue_clear_full (&self->redo, step_free);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (tenken_undo_stack_parent_class)->finalize (object);
}

static void
tenken_undo_stack_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TenkenUndoStack *self = TENKEN_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, tenken_undo_stack_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, tenken_undo_stack_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tenken_undo_stack_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TenkenUndoStack *self = TENKEN_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tenken_undo_stack_class_init (TenkenUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tenken_undo_stack_finalize;
  object_class->get_property = tenken_undo_stack_get_property;
  object_class->set_property = tenken_undo_stack_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         TENKEN_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tenken_undo_stack_init (TenkenUndoStack *self)
{
  g_queue_init (&self->undo);
  g_queue_init (&self->redo);
}

TenkenUndoStack *
tenken_undo_stack_new (TenkenDocument *document)
{
  g_return_val_if_fail (TENKEN_IS_DOCUMENT (document), NULL);

  return g_object_new (TENKEN_TYPE_UNDO_STACK, "document", document, NULL);
}

TenkenDocument *
tenken_undo_stack_get_document (TenkenUndoStack *self)
{
  g_return_val_if_fail (TENKEN_IS_UNDO_STACK (self), NULL);

  return self->document;
}

/* The one text field (statement, justification, owner) in which @a and @b
 * differ, or NULL when they differ elsewhere or in several fields. */
static const char *
single_text_change (TenkenResponse *a,
                    TenkenResponse *b)
{
  const char *field = NULL;
  guint n = 0;

  if (tenken_response_get_status (a) != tenken_response_get_status (b) ||
      tenken_response_get_flagged (a) != tenken_response_get_flagged (b) ||
      g_strcmp0 (tenken_response_get_target_date (a), tenken_response_get_target_date (b)) != 0 ||
      g_strcmp0 (tenken_response_get_due_date (a), tenken_response_get_due_date (b)) != 0)
    return NULL;

  if (g_strcmp0 (tenken_response_get_statement (a), tenken_response_get_statement (b)) != 0)
    n++, field = "statement";
  if (g_strcmp0 (tenken_response_get_justification (a), tenken_response_get_justification (b)) != 0)
    n++, field = "justification";
  if (g_strcmp0 (tenken_response_get_owner (a), tenken_response_get_owner (b)) != 0)
    n++, field = "owner";

  return n == 1 ? field : NULL;
}

static gboolean
responses_equal (TenkenResponse *a,
                 TenkenResponse *b)
{
  return tenken_response_get_status (a) == tenken_response_get_status (b) &&
         tenken_response_get_flagged (a) == tenken_response_get_flagged (b) &&
         g_strcmp0 (tenken_response_get_target_date (a), tenken_response_get_target_date (b)) == 0 &&
         g_strcmp0 (tenken_response_get_due_date (a), tenken_response_get_due_date (b)) == 0 &&
         g_strcmp0 (tenken_response_get_statement (a), tenken_response_get_statement (b)) == 0 &&
         g_strcmp0 (tenken_response_get_justification (a), tenken_response_get_justification (b)) == 0 &&
         g_strcmp0 (tenken_response_get_owner (a), tenken_response_get_owner (b)) == 0;
}

gboolean
tenken_undo_stack_set_response (TenkenUndoStack  *self,
                                TenkenResponse   *response,
                                GError          **error)
{
  TenkenCatalogItem *item;
  TenkenResponse *live;
  g_autoptr(TenkenResponse) old = NULL;
  Step *top;
  gboolean could_undo, could_redo;
  gint64 now;

  g_return_val_if_fail (TENKEN_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (TENKEN_IS_RESPONSE (response), FALSE);

  item = tenken_response_get_item (response);
  live = tenken_document_get_response (self->document,
                                       tenken_catalog_node_get_id (TENKEN_CATALOG_NODE (item)));
  g_return_val_if_fail (live != NULL, FALSE);

  old = tenken_response_copy (live);

  if (!tenken_document_set_response (self->document, response, error))
    return FALSE;

  could_undo = tenken_undo_stack_can_undo (self);
  could_redo = tenken_undo_stack_can_redo (self);
  now = g_get_monotonic_time ();
  top = g_queue_peek_head (&self->undo);

  /* set_response() was a no-op: nothing to undo */
  if (responses_equal (old, live))
    return TRUE;

  if (top != NULL && top->new_response != NULL &&
      tenken_response_get_item (top->new_response) == item &&
      now - top->time < MERGE_USEC)
    {
      const char *field = single_text_change (old, live);

      /* Typing: the previous step changed the same text field only */
      if (field != NULL &&
          g_strcmp0 (single_text_change (top->old_response, top->new_response), field) == 0)
        {
          g_clear_object (&top->new_response);
          top->new_response = tenken_response_copy (live);
          top->time = now;
          g_queue_clear_full (&self->redo, step_free);
          notify_state (self, could_undo, could_redo);
          return TRUE;
        }
    }

  top = g_new0 (Step, 1);
  top->old_response = g_steal_pointer (&old);
  top->new_response = tenken_response_copy (live);
  top->time = now;
  g_queue_push_head (&self->undo, top);
  g_queue_clear_full (&self->redo, step_free);

  notify_state (self, could_undo, could_redo);

  return TRUE;
}

gboolean
tenken_undo_stack_set_scope (TenkenUndoStack  *self,
                             TenkenScope      *scope,
                             GError          **error)
{
  g_autoptr(TenkenScope) old = NULL;
  Step *step;
  gboolean could_undo, could_redo;

  g_return_val_if_fail (TENKEN_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (TENKEN_IS_SCOPE (scope), FALSE);

  old = tenken_document_dup_scope (self->document);
  if (tenken_scope_equal (old, scope))
    return TRUE;

  if (!tenken_document_set_scope (self->document, scope, error))
    return FALSE;

  could_undo = tenken_undo_stack_can_undo (self);
  could_redo = tenken_undo_stack_can_redo (self);

  step = g_new0 (Step, 1);
  step->old_scope = g_steal_pointer (&old);
  step->new_scope = tenken_scope_copy (scope);
  step->time = g_get_monotonic_time ();
  g_queue_push_head (&self->undo, step);
  g_queue_clear_full (&self->redo, step_free);

  notify_state (self, could_undo, could_redo);

  return TRUE;
}

gboolean
tenken_undo_stack_can_undo (TenkenUndoStack *self)
{
  g_return_val_if_fail (TENKEN_IS_UNDO_STACK (self), FALSE);

  return !g_queue_is_empty (&self->undo);
}

gboolean
tenken_undo_stack_can_redo (TenkenUndoStack *self)
{
  g_return_val_if_fail (TENKEN_IS_UNDO_STACK (self), FALSE);

  return !g_queue_is_empty (&self->redo);
}

/* Moves the head of @from to @to after applying the old (undo) or new (redo)
 * values of the step. */
static gboolean
apply_step (TenkenUndoStack  *self,
            GQueue           *from,
            GQueue           *to,
            gboolean          use_old,
            char            **out_item_id,
            GError          **error)
{
  Step *step = g_queue_peek_head (from);
  gboolean could_undo = tenken_undo_stack_can_undo (self);
  gboolean could_redo = tenken_undo_stack_can_redo (self);

  if (out_item_id != NULL)
    *out_item_id = NULL;

  if (step == NULL)
    return TRUE;

  if (step->old_response != NULL)
    {
      /* Hand the document a fresh copy: the stored one must stay untouched */
      g_autoptr(TenkenResponse) copy =
        tenken_response_copy (use_old ? step->old_response : step->new_response);

      if (!tenken_document_set_response (self->document, copy, error))
        return FALSE;

      if (out_item_id != NULL)
        {
          TenkenCatalogItem *item = tenken_response_get_item (copy);
          *out_item_id = g_strdup (tenken_catalog_node_get_id (TENKEN_CATALOG_NODE (item)));
        }
    }
  else
    {
      g_autoptr(TenkenScope) copy =
        tenken_scope_copy (use_old ? step->old_scope : step->new_scope);

      if (!tenken_document_set_scope (self->document, copy, error))
        return FALSE;
    }

  g_queue_pop_head (from);
  /* A step that was undone must never merge with the next edit */
  step->time = 0;
  g_queue_push_head (to, step);

  notify_state (self, could_undo, could_redo);

  return TRUE;
}

gboolean
tenken_undo_stack_undo (TenkenUndoStack  *self,
                        char            **out_item_id,
                        GError          **error)
{
  g_return_val_if_fail (TENKEN_IS_UNDO_STACK (self), FALSE);

  return apply_step (self, &self->undo, &self->redo, TRUE, out_item_id, error);
}

gboolean
tenken_undo_stack_redo (TenkenUndoStack  *self,
                        char            **out_item_id,
                        GError          **error)
{
  g_return_val_if_fail (TENKEN_IS_UNDO_STACK (self), FALSE);

  return apply_step (self, &self->redo, &self->undo, FALSE, out_item_id, error);
}

void
tenken_undo_stack_clear (TenkenUndoStack *self)
{
  gboolean could_undo, could_redo;

  g_return_if_fail (TENKEN_IS_UNDO_STACK (self));

  could_undo = tenken_undo_stack_can_undo (self);
  could_redo = tenken_undo_stack_can_redo (self);
  g_queue_clear_full (&self->undo, step_free);
  g_queue_clear_full (&self->redo, step_free);
  notify_state (self, could_undo, could_redo);
}
