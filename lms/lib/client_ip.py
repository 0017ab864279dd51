"""The client address login throttling (django-axes) locks on, read only through trusted proxies.

`settings.LMS_TRUSTED_PROXY_COUNT` (environment `AXES_PROXY_COUNT`) is the number of reverse
proxies in front of the application, each appending the address it received the request from
to `X-Forwarded-For`:

- 0 (the default): the header is whatever the client wrote and is never read; the address is
  the connection's peer (`REMOTE_ADDR`).
- N ≥ 1: the client is the N-th entry from the right (the one the outermost proxy appended);
  anything to its left was written by the client and never counts. A request whose header is
  missing or shorter did not pass through all the proxies, so its peer address is used.

django-ipware parses the header (IPv4/IPv6, ports, garbage entries); its `proxy_count`
counts the proxies *listed in* the header, which excludes the last one (that one is
`REMOTE_ADDR`), hence N - 1.
"""

from django.conf import settings
from ipware.ip import get_client_ip


def client_ip(request):
    count = settings.LMS_TRUSTED_PROXY_COUNT
    if count > 0:
        address, _routable = get_client_ip(
            request,
            proxy_order="left-most",
            proxy_count=count - 1,
            request_header_order=("HTTP_X_FORWARDED_FOR",),
            strict=False,
        )
        if address:
            return address
    return request.META.get("REMOTE_ADDR")
