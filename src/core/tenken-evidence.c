/* tenken-evidence.c
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tenken-evidence"

#include "config.h"

#include "tenken-evidence-private.h"

struct _TenkenEvidence
{
  GObject             parent_instance;

  gint64              id;
  TenkenEvidenceKind  kind;
  char               *name;
  char               *media_type;
  guint64             size;
  char               *sha256;
  char               *url;
  GDateTime          *added_at;
  char               *collected;
  char               *note;
  char              **item_ids;
};

G_DEFINE_FINAL_TYPE (TenkenEvidence, tenken_evidence, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (TenkenEvidenceKind, tenken_evidence_kind,
                    G_DEFINE_ENUM_VALUE (TENKEN_EVIDENCE_FILE, "file"),
                    G_DEFINE_ENUM_VALUE (TENKEN_EVIDENCE_URL, "url"))

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_NAME,
  PROP_MEDIA_TYPE,
  PROP_SIZE,
  PROP_SHA256,
  PROP_URL,
  PROP_ADDED_AT,
  PROP_COLLECTED,
  PROP_NOTE,
  PROP_ITEM_IDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tenken_evidence_finalize (GObject *object)
{
  TenkenEvidence *self = (TenkenEvidence *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->media_type, g_free);
  g_clear_pointer (&self->sha256, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->added_at, g_date_time_unref);
  g_clear_pointer (&self->collected, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->item_ids, g_strfreev);

  G_OBJECT_CLASS (tenken_evidence_parent_class)->finalize (object);
}

static void
tenken_evidence_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TenkenEvidence *self = TENKEN_EVIDENCE (object);

  switch (prop_id)
    {
    case PROP_ID:         g_value_set_int64 (value, self->id); break;
    case PROP_KIND:       g_value_set_enum (value, self->kind); break;
    case PROP_NAME:       g_value_set_string (value, self->name); break;
    case PROP_MEDIA_TYPE: g_value_set_string (value, self->media_type); break;
    case PROP_SIZE:       g_value_set_uint64 (value, self->size); break;
    case PROP_SHA256:     g_value_set_string (value, self->sha256); break;
    case PROP_URL:        g_value_set_string (value, self->url); break;
    case PROP_ADDED_AT:   g_value_set_boxed (value, self->added_at); break;
    case PROP_COLLECTED:  g_value_set_string (value, self->collected); break;
    case PROP_NOTE:       g_value_set_string (value, self->note); break;
    case PROP_ITEM_IDS:   g_value_set_boxed (value, self->item_ids); break;
    default:              G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tenken_evidence_class_init (TenkenEvidenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tenken_evidence_finalize;
  object_class->get_property = tenken_evidence_get_property;

  /* All read-only: the document replaces the object when the row changes */
  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, TENKEN_TYPE_EVIDENCE_KIND,
                                             TENKEN_EVIDENCE_FILE, ro);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, ro);
  properties[PROP_MEDIA_TYPE] = g_param_spec_string ("media-type", NULL, NULL, NULL, ro);
  properties[PROP_SIZE] = g_param_spec_uint64 ("size", NULL, NULL, 0, G_MAXUINT64, 0, ro);
  properties[PROP_SHA256] = g_param_spec_string ("sha256", NULL, NULL, NULL, ro);
  properties[PROP_URL] = g_param_spec_string ("url", NULL, NULL, NULL, ro);
  properties[PROP_ADDED_AT] = g_param_spec_boxed ("added-at", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_COLLECTED] = g_param_spec_string ("collected", NULL, NULL, NULL, ro);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, ro);
  properties[PROP_ITEM_IDS] = g_param_spec_boxed ("item-ids", NULL, NULL, G_TYPE_STRV, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tenken_evidence_init (TenkenEvidence *self)
{
}

TenkenEvidence *
tenken_evidence_new (gint64              id,
                     TenkenEvidenceKind  kind,
                     const char         *name,
                     const char         *media_type,
                     guint64             size,
                     const char         *sha256,
                     const char         *url,
                     GDateTime          *added_at,
                     const char         *collected,
                     const char         *note,
                     const char * const *item_ids)
{
  TenkenEvidence *self = g_object_new (TENKEN_TYPE_EVIDENCE, NULL);
  const char * const empty[] = { NULL };

  self->id = id;
  self->kind = kind;
  self->name = g_strdup (name);
  self->media_type = g_strdup (media_type);
  self->size = size;
  self->sha256 = g_strdup (sha256);
  self->url = g_strdup (url);
  self->added_at = added_at ? g_date_time_ref (added_at) : NULL;
  self->collected = g_strdup (collected);
  self->note = g_strdup (note);
  self->item_ids = g_strdupv ((char **) (item_ids ? item_ids : empty));

  return self;
}

gint64
tenken_evidence_get_id (TenkenEvidence *self)
{
  g_return_val_if_fail (TENKEN_IS_EVIDENCE (self), 0);
  return self->id;
}

TenkenEvidenceKind
tenken_evidence_get_kind (TenkenEvidence *self)
{
  g_return_val_if_fail (TENKEN_IS_EVIDENCE (self), TENKEN_EVIDENCE_FILE);
  return self->kind;
}

const char *
tenken_evidence_get_name (TenkenEvidence *self)
{
  g_return_val_if_fail (TENKEN_IS_EVIDENCE (self), NULL);
  return self->name;
}

const char *
tenken_evidence_get_media_type (TenkenEvidence *self)
{
  g_return_val_if_fail (TENKEN_IS_EVIDENCE (self), NULL);
  return self->media_type;
}

guint64
tenken_evidence_get_size (TenkenEvidence *self)
{
  g_return_val_if_fail (TENKEN_IS_EVIDENCE (self), 0);
  return self->size;
}

const char *
tenken_evidence_get_sha256 (TenkenEvidence *self)
{
  g_return_val_if_fail (TENKEN_IS_EVIDENCE (self), NULL);
  return self->sha256;
}

const char *
tenken_evidence_get_url (TenkenEvidence *self)
{
  g_return_val_if_fail (TENKEN_IS_EVIDENCE (self), NULL);
  return self->url;
}

GDateTime *
tenken_evidence_get_added_at (TenkenEvidence *self)
{
  g_return_val_if_fail (TENKEN_IS_EVIDENCE (self), NULL);
  return self->added_at;
}

const char *
tenken_evidence_get_collected (TenkenEvidence *self)
{
  g_return_val_if_fail (TENKEN_IS_EVIDENCE (self), NULL);
  return self->collected;
}

const char *
tenken_evidence_get_note (TenkenEvidence *self)
{
  g_return_val_if_fail (TENKEN_IS_EVIDENCE (self), NULL);
  return self->note;
}

char **
tenken_evidence_dup_item_ids (TenkenEvidence *self)
{
  g_return_val_if_fail (TENKEN_IS_EVIDENCE (self), NULL);
  return g_strdupv (self->item_ids);
}
