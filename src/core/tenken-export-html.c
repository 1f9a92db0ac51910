#define G_LOG_DOMAIN "tenken-export"
#include "config.h"
#include "tenken-export-private.h"
gboolean
tenken_export_write_html (TenkenReport *report, TenkenOutput *output, TenkenExportJob *job, GError **error)
{
  g_set_error (error, TENKEN_EXPORT_ERROR, TENKEN_EXPORT_ERROR_FAILED, "todo");
  return FALSE;
}
