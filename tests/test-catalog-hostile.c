/* test-catalog-hostile.c: files that try to hurt the loader
 *
 * SPDX-FileCopyrightText: 2026 The Tenken authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "tenken-core.h"

#define OSCAL_OPEN "<catalog xmlns=\"http://csrc.nist.gov/ns/oscal/1.0\" uuid=\"3c6e8b0e-1111-4222-8333-444455556666\">"
#define METADATA "<metadata><title>T</title></metadata>"

static char *tmp_dir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

/* Loads @contents from a file called @name; the load must fail with
 * @code, name the file and, when @line > 0, that line; nothing may be
 * written to stderr meanwhile. Returns the error message. */
static char *
expect_error_len (const char *name,
                  const char *contents,
                  gssize      length,
                  int         code,
                  int         line)
{
  g_autofree char *path = tmp_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TenkenCatalog) catalog = NULL;
  g_autofree char *stderr_path = tmp_path ("stderr.txt");
  g_autofree char *captured = NULL;
  int saved_stderr, capture;

  if (length < 0)
    length = (gssize) strlen (contents);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  /* libxml2 prints to stderr unless told otherwise: catch it */
  fflush (stderr);
  saved_stderr = dup (STDERR_FILENO);
  capture = g_open (stderr_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (capture, >=, 0);
  dup2 (capture, STDERR_FILENO);

  catalog = tenken_catalog_new_from_file (file, NULL, &error);

  fflush (stderr);
  dup2 (saved_stderr, STDERR_FILENO);
  close (saved_stderr);
  close (capture);

  g_assert_true (g_file_get_contents (stderr_path, &captured, NULL, NULL));
  g_assert_cmpstr (captured, ==, "");

  g_assert_null (catalog);
  g_assert_nonnull (error);
  g_test_message ("%s: %s", name, error->message);
  g_assert_error (error, TENKEN_CATALOG_ERROR, code);
  g_assert_true (g_str_has_prefix (error->message, path));
  if (line > 0)
    {
      g_autofree char *where = g_strdup_printf ("%s:%d: ", path, line);

      g_assert_true (g_str_has_prefix (error->message, where));
    }

  g_unlink (path);
  g_unlink (stderr_path);
  return g_strdup (error->message);
}

static char *
expect_error (const char *name,
              const char *contents,
              int         code,
              int         line)
{
  return expect_error_len (name, contents, -1, code, line);
}

static void
test_malformed (void)
{
  g_autofree char *msg = NULL;

  msg = expect_error ("mismatch.xml",
                      "<?xml version=\"1.0\"?>\n" OSCAL_OPEN "\n" METADATA "\n<group id=\"g\"><title>x</titel>\n</group>\n</catalog>\n",
                      TENKEN_CATALOG_ERROR_MALFORMED, 4);
  g_assert_nonnull (strstr (msg, "mismatch"));
  g_clear_pointer (&msg, g_free);

  msg = expect_error ("undefined-entity.xml", OSCAL_OPEN "\n<metadata><title>&nope;</title></metadata></catalog>",
                      TENKEN_CATALOG_ERROR_MALFORMED, 2);
  g_clear_pointer (&msg, g_free);

  msg = expect_error ("empty.xml", "", TENKEN_CATALOG_ERROR_MALFORMED, 0);
  g_assert_nonnull (strstr (msg, "empty"));
  g_clear_pointer (&msg, g_free);

  msg = expect_error ("blank.xml", "  \n\n", TENKEN_CATALOG_ERROR_MALFORMED, 0);
  g_clear_pointer (&msg, g_free);

  msg = expect_error ("text.xml", "just some words\n", TENKEN_CATALOG_ERROR_MALFORMED, 1);
}

static void
test_truncated (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("TENKEN_SHARED_DIR"), "testdata",
                                            "NIST_SP-800-53_rev5_HIGH-baseline-resolved-profile_catalog.xml",
                                            NULL);
  g_autofree char *contents = NULL;
  g_autofree char *msg = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  msg = expect_error_len ("truncated.xml", contents, (gssize) length / 2, TENKEN_CATALOG_ERROR_MALFORMED, 0);
  /* libxml2 reports the end of the input, with its line */
  g_assert_true (g_regex_match_simple ("truncated\\.xml:[0-9]+: ", msg, 0, 0));
}

static void
test_png (void)
{
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89"
                            "\0\0\0\rIDATx\x9c" "c\xf8\xff\xff?\0\x05\xfe\x02\xfe\xa7" "5\x81\x84\0\0\0\0IEND\xae" "B`\x82";
  g_autofree char *msg = expect_error_len ("image.xml", png, sizeof png - 1, TENKEN_CATALOG_ERROR_MALFORMED, 0);

  g_assert_true (g_utf8_validate (msg, -1, NULL));
}

static void
test_invalid_utf8 (void)
{
  g_autofree char *msg = NULL;

  msg = expect_error ("latin1.xml",
                      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" OSCAL_OPEN "\n<metadata>\n<title>caf\xe9 \xff\xfe</title></metadata></catalog>",
                      TENKEN_CATALOG_ERROR_MALFORMED, 4);
  g_assert_true (g_utf8_validate (msg, -1, NULL));
}

static void
test_wrong_namespace (void)
{
  g_autofree char *msg = NULL;

  msg = expect_error ("other-ns.xml",
                      "<catalog xmlns=\"http://example.com/ns\" uuid=\"x\">" METADATA "</catalog>",
                      TENKEN_CATALOG_ERROR_NOT_OSCAL, 1);
  g_assert_nonnull (strstr (msg, "http://example.com/ns"));
  g_clear_pointer (&msg, g_free);

  msg = expect_error ("no-ns.xml", "<catalog uuid=\"x\">" METADATA "</catalog>",
                      TENKEN_CATALOG_ERROR_NOT_OSCAL, 1);
  g_clear_pointer (&msg, g_free);

  msg = expect_error ("html.xml", "<html><body>Hi</body></html>", TENKEN_CATALOG_ERROR_NOT_OSCAL, 1);
}

static void
test_duplicate_ids (void)
{
  g_autofree char *msg = NULL;

  msg = expect_error ("dupes.xml",
                      OSCAL_OPEN "\n" METADATA "\n"
                      "<group id=\"g\"><title>G</title>\n"
                      "<control id=\"ac-1\"><title>A</title></control>\n"
                      "<control id=\"ac-1\"><title>B</title></control>\n"
                      "</group></catalog>\n",
                      TENKEN_CATALOG_ERROR_INVALID, 5);
  g_assert_nonnull (strstr (msg, "“ac-1”"));
  g_clear_pointer (&msg, g_free);

  /* A part may not take a control's id either */
  msg = expect_error ("dupe-part.xml",
                      OSCAL_OPEN "\n" METADATA "\n"
                      "<control id=\"x\"><title>A</title>\n<part name=\"statement\" id=\"x\"/></control></catalog>\n",
                      TENKEN_CATALOG_ERROR_INVALID, 4);
  g_assert_nonnull (strstr (msg, "“x”"));
}

static void
test_xxe_file (void)
{
  g_autofree char *secret_path = tmp_path ("secret.txt");
  g_autofree char *secret = g_strdup_printf ("SECRET-%08x-%08x", g_random_int (), g_random_int ());
  g_autofree char *xml = NULL;
  g_autofree char *msg = NULL;

  g_assert_true (g_file_set_contents (secret_path, secret, -1, NULL));

  xml = g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                         "<!DOCTYPE catalog [\n"
                         "  <!ENTITY xxe SYSTEM \"file://%s\">\n"
                         "]>\n"
                         OSCAL_OPEN "<metadata><title>&xxe;</title></metadata>"
                         "<control id=\"c\"><title>&xxe;</title><part name=\"statement\"><p>&xxe;</p></part></control>"
                         "</catalog>\n", secret_path);
  msg = expect_error ("xxe-file.xml", xml, TENKEN_CATALOG_ERROR_FORBIDDEN, 2);
  g_assert_null (strstr (msg, secret));
  g_clear_pointer (&msg, g_free);
  g_clear_pointer (&xml, g_free);

  /* Parameter entities and a plain path */
  xml = g_strdup_printf ("<!DOCTYPE catalog [ <!ENTITY %% p SYSTEM \"%s\"> %%p; ]>\n"
                         OSCAL_OPEN METADATA "</catalog>\n", secret_path);
  msg = expect_error ("xxe-param.xml", xml, TENKEN_CATALOG_ERROR_FORBIDDEN, 1);
  g_assert_null (strstr (msg, secret));
  g_clear_pointer (&msg, g_free);

  msg = expect_error ("external-dtd.xml",
                      "<?xml version=\"1.0\"?>\n<!DOCTYPE catalog SYSTEM \"/etc/passwd\">\n" OSCAL_OPEN METADATA "</catalog>\n",
                      TENKEN_CATALOG_ERROR_FORBIDDEN, 2);
  g_assert_null (strstr (msg, "root:"));

  g_unlink (secret_path);
}

/* XInclude is never processed: an include is an unknown element, rendered as nothing */
static void
test_xinclude_ignored (void)
{
  g_autofree char *secret_path = tmp_path ("secret-xi.txt");
  g_autofree char *secret = g_strdup_printf ("SECRET-%08x", g_random_int ());
  g_autofree char *xml = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(TenkenCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  TenkenCatalogItem *item;
  TenkenCatalogPart *statement;
  g_autofree char *markup = NULL;
  g_autofree char *html = NULL;

  g_assert_true (g_file_set_contents (secret_path, secret, -1, NULL));
  xml = g_strdup_printf (OSCAL_OPEN METADATA
                         "<control id=\"c\" xmlns:xi=\"http://www.w3.org/2001/XInclude\"><title>C <xi:include href=\"%s\" parse=\"text\"/></title>"
                         "<part name=\"statement\"><p>See <xi:include href=\"%s\" parse=\"text\"/>.</p></part></control>"
                         "</catalog>", secret_path, secret_path);
  bytes = g_bytes_new (xml, strlen (xml));

  catalog = tenken_catalog_new_from_bytes (bytes, "xinclude.xml", &error);
  g_assert_no_error (error);
  item = tenken_catalog_lookup_item_by_label (catalog, "c");
  statement = tenken_catalog_node_get_part (TENKEN_CATALOG_NODE (item), "statement");
  markup = tenken_catalog_part_to_pango_markup (statement);
  html = tenken_catalog_part_to_html (statement);

  g_assert_cmpstr (tenken_catalog_node_get_title (TENKEN_CATALOG_NODE (item)), ==, "C");
  g_assert_cmpstr (tenken_catalog_item_get_statement_text (item), ==, "See .");
  g_assert_null (strstr (markup, secret));
  g_assert_null (strstr (html, secret));

  g_unlink (secret_path);
}

static void
on_incoming (GSocketService    *service,
             GSocketConnection *connection,
             GObject           *source,
             gpointer           user_data)
{
  guint *n_connections = user_data;

  (*n_connections)++;
}

static void
test_xxe_network (void)
{
  g_autoptr(GSocketService) service = g_socket_service_new ();
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  /* "@PORT@" is replaced by the port we listen on */
  const char *templates[] = {
    "<!DOCTYPE catalog [ <!ENTITY x SYSTEM \"http://127.0.0.1:@PORT@/entity\"> ]>\n"
    OSCAL_OPEN "<metadata><title>&x;</title></metadata></catalog>",
    "<!DOCTYPE catalog SYSTEM \"http://127.0.0.1:@PORT@/dtd\">\n" OSCAL_OPEN METADATA "</catalog>",
    "<!DOCTYPE catalog [ <!ENTITY % p SYSTEM \"http://127.0.0.1:@PORT@/param\"> %p; ]>\n" OSCAL_OPEN METADATA "</catalog>",
  };
  g_autofree char *port_str = NULL;
  guint n_connections = 0;
  guint port;

  g_socket_listener_add_address (G_SOCKET_LISTENER (service), address, G_SOCKET_TYPE_STREAM,
                                 G_SOCKET_PROTOCOL_TCP, NULL, &bound, &error);
  g_assert_no_error (error);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_signal_connect (service, "incoming", G_CALLBACK (on_incoming), &n_connections);
  g_socket_service_start (service);
  port_str = g_strdup_printf ("%u", port);

  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    {
      g_auto(GStrv) pieces = g_strsplit (templates[i], "@PORT@", -1);
      g_autofree char *xml = g_strjoinv (port_str, pieces);
      g_autofree char *msg = expect_error ("xxe-net.xml", xml, TENKEN_CATALOG_ERROR_FORBIDDEN, 1);
    }

  /* A stylesheet PI in a catalog that loads must not be fetched either */
  {
    g_autofree char *xml = g_strdup_printf ("<?xml-stylesheet href=\"http://127.0.0.1:%u/style\"?>\n"
                                            OSCAL_OPEN METADATA "</catalog>", port);
    g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));
    g_autoptr(TenkenCatalog) catalog = tenken_catalog_new_from_bytes (bytes, "pi.xml", &error);

    g_assert_no_error (error);
    g_assert_nonnull (catalog);
  }

  /* A connection made meanwhile waits in the listen backlog: let it through */
  for (guint i = 0; i < 10; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (5000);
    }

  g_assert_cmpuint (n_connections, ==, 0);
  g_socket_service_stop (service);
}

static void
test_billion_laughs (void)
{
  g_autofree char *msg = NULL;
  gint64 start = g_get_monotonic_time ();

  msg = expect_error ("lol.xml",
                      "<?xml version=\"1.0\"?>\n"
                      "<!DOCTYPE lolz [\n"
                      " <!ENTITY lol \"lol\">\n"
                      " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
                      " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
                      " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
                      " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
                      " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
                      " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
                      " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
                      " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
                      " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
                      "]>\n"
                      OSCAL_OPEN "<metadata><title>&lol9;</title></metadata></catalog>\n",
                      TENKEN_CATALOG_ERROR_FORBIDDEN, 2);

  /* Refused at the DOCTYPE, long before any expansion; generous bound */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
}

static void
test_quadratic_blowup (void)
{
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\"?>\n<!DOCTYPE catalog [<!ENTITY a \"");
  g_autofree char *msg = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (xml, 'a');
  g_string_append (xml, "\">]>\n" OSCAL_OPEN "<metadata><title>");
  for (guint i = 0; i < 10000; i++)
    g_string_append (xml, "&a;");
  g_string_append (xml, "</title></metadata></catalog>\n");

  msg = expect_error ("quadratic.xml", xml->str, TENKEN_CATALOG_ERROR_FORBIDDEN, 2);
}

static void
test_deep_nesting (void)
{
  g_autoptr(GString) xml = g_string_new (OSCAL_OPEN "\n" METADATA "\n");
  g_autofree char *msg = NULL;

  for (guint i = 0; i < 300; i++)
    g_string_append_printf (xml, "<group id=\"g%u\"><title>G</title>\n", i);
  for (guint i = 0; i < 300; i++)
    g_string_append (xml, "</group>");
  g_string_append (xml, "</catalog>\n");

  msg = expect_error ("deep.xml", xml->str, TENKEN_CATALOG_ERROR_FORBIDDEN, 0);
  g_assert_true (g_regex_match_simple ("deep\\.xml:[0-9]+: ", msg, 0, 0));
  g_assert_null (strstr (msg, "XML_PARSE_HUGE"));
}

static void
test_oversized (void)
{
  g_autofree char *path = tmp_path ("huge.xml");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TenkenCatalog) catalog = NULL;
  const char *head = OSCAL_OPEN METADATA "<!-- ";
  int fd;

  /* A sparse file just over the cap: nothing big is ever in memory here */
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, head, strlen (head)), ==, (gssize) strlen (head));
  g_assert_cmpint (ftruncate (fd, (off_t) TENKEN_CATALOG_MAX_SIZE + 1), ==, 0);
  close (fd);

  catalog = tenken_catalog_new_from_file (file, NULL, &error);
  g_assert_null (catalog);
  g_assert_error (error, TENKEN_CATALOG_ERROR, TENKEN_CATALOG_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, path));

  g_unlink (path);
}

static void
test_fifo_refused_by_size (void)
{
  /* A source of unknown size is read no further than the cap plus one */
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path ("/dev/zero");
  g_autoptr(TenkenCatalog) catalog = tenken_catalog_new_from_file (file, NULL, &error);

  g_assert_null (catalog);
  g_assert_error (error, TENKEN_CATALOG_ERROR, TENKEN_CATALOG_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "/dev/zero"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("tenken-hostile-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/catalog-hostile/malformed", test_malformed);
  g_test_add_func ("/catalog-hostile/truncated", test_truncated);
  g_test_add_func ("/catalog-hostile/png", test_png);
  g_test_add_func ("/catalog-hostile/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/catalog-hostile/wrong-namespace", test_wrong_namespace);
  g_test_add_func ("/catalog-hostile/duplicate-ids", test_duplicate_ids);
  g_test_add_func ("/catalog-hostile/xxe-file", test_xxe_file);
  g_test_add_func ("/catalog-hostile/xinclude-ignored", test_xinclude_ignored);
  g_test_add_func ("/catalog-hostile/xxe-network", test_xxe_network);
  g_test_add_func ("/catalog-hostile/billion-laughs", test_billion_laughs);
  g_test_add_func ("/catalog-hostile/quadratic-blowup", test_quadratic_blowup);
  g_test_add_func ("/catalog-hostile/deep-nesting", test_deep_nesting);
  g_test_add_func ("/catalog-hostile/oversized", test_oversized);
  g_test_add_func ("/catalog-hostile/unknown-size", test_fifo_refused_by_size);

  ret = g_test_run ();

  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  return ret;
}
