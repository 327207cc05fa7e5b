/* SPDX-License-Identifier: GPL-3.0-or-later */
/* outlay-fake-browser URL: what a browser does when the user clicks
 * "Allow": loads URL and follows its redirect to the loopback address.
 * Prints the final status and page. */

#include <libsoup/soup.h>
#include <stdio.h>

int
main (int argc, char **argv)
{
  g_autoptr (SoupSession) session = NULL;
  g_autoptr (SoupMessage) msg = NULL;
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GError) error = NULL;

  if (argc != 2)
    {
      fprintf (stderr, "usage: outlay-fake-browser URL\n");
      return 2;
    }
  session = soup_session_new_with_options ("timeout", 20, NULL);
  msg = soup_message_new ("GET", argv[1]);
  if (msg == NULL)
    {
      fprintf (stderr, "not a URL: %s\n", argv[1]);
      return 2;
    }
  body = soup_session_send_and_read (session, msg, NULL, &error);
  if (body == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  printf ("%u %.*s\n", soup_message_get_status (msg), (int) g_bytes_get_size (body),
          (const char *) g_bytes_get_data (body, NULL));
  return SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (msg)) ? 0 : 1;
}
