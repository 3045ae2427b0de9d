"""Connections only to checked addresses: the network guard of ``kg fetch`` and ``kg push``.

A URL someone else wrote must not turn kg against the machine's own network (a cloud
metadata service at 169.254.169.254, an admin page on 127.0.0.1). Checking the address a
host name resolves to, then letting the HTTP client resolve it again to connect, leaves a
gap: a DNS server may answer a public address to the check and a private one to the
connection (DNS rebinding). So :class:`GuardedBackend` resolves the host once per
connection, refuses any address that is not public (unless ``allow_private``) and connects
to the very address it checked. :func:`guarded_transport` puts it under an httpx client;
every connection of that client (each redirect hop, each request) goes through it.

>>> is_public_address("93.184.216.34"), is_public_address("169.254.169.254")
(True, False)
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable
from typing import Any

import httpcore
import httpx

__all__ = [
    "GuardedBackend",
    "RefusedAddressError",
    "guarded_transport",
    "is_public_address",
    "refused_cause",
]


def is_public_address(address: str) -> bool:
    """Whether an IP address is a public, unicast internet address.

    >>> [is_public_address(a) for a in ("93.184.216.34", "127.0.0.1", "10.1.2.3", "169.254.169.254")]
    [True, False, False, False]
    >>> [is_public_address(a) for a in ("::1", "fe80::1", "::ffff:127.0.0.1", "2606:4700::1111")]
    [False, False, False, True]
    """
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


class RefusedAddressError(httpcore.ConnectError):
    """A host that resolves to an address the guard refuses.

    httpx raises its own ``ConnectError`` from it: find it with :func:`refused_cause`.

    Attributes:
        host: The host name (or literal address) asked for.
        address: The refused address it resolved to.
        reason: What was refused and the way out (``hint``), for a message.
    """

    def __init__(self, host: str, address: str, hint: str) -> None:
        self.host, self.address = host, address
        self.reason = (
            f"{host} resolves to {address}, a loopback, private or link-local address; {hint}"
        )
        super().__init__(self.reason)


def refused_cause(exc: BaseException) -> RefusedAddressError | None:
    """The :class:`RefusedAddressError` behind an httpx error, or ``None``."""
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, RefusedAddressError):
            return cause
        cause = cause.__cause__
    return None


class GuardedBackend(httpcore.NetworkBackend):
    """Connects only to addresses the guard allows, and to the address it checked.

    Args:
        allow_private: Allow loopback, private, link-local and reserved addresses.
        hint: How the user allows them, quoted in the refusal
            (``"pass --allow-private to …"``).
    """

    def __init__(self, *, allow_private: bool, hint: str) -> None:
        self._inner = httpcore.SyncBackend()
        self._allow_private = allow_private
        self._hint = hint

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except socket.gaierror as exc:
            raise httpcore.ConnectError(f"cannot resolve {host}: {exc.strerror}") from exc
        addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
        if not self._allow_private:
            refused = [a for a in addresses if not is_public_address(a)]
            if refused:  # one bad answer refuses the host: a rebinding server mixes them
                raise RefusedAddressError(host, refused[0], self._hint)
        last: Exception | None = None
        for address in addresses:
            try:
                return self._inner.connect_tcp(
                    address, port, timeout, local_address, socket_options
                )
            except httpcore.ConnectError as exc:
                last = exc
        raise httpcore.ConnectError(f"cannot connect to {host}: {last}")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def guarded_transport(*, allow_private: bool, hint: str) -> httpx.HTTPTransport:
    """An httpx transport whose every connection goes through :class:`GuardedBackend`.

    Give it to an ``httpx.Client(transport=…, trust_env=False)``: a proxy from the
    environment would otherwise be reached by a transport of its own, unguarded. TLS still
    checks the certificate against the host name of the URL, not the address.
    """
    transport = httpx.HTTPTransport(retries=0)
    # httpx offers no public hook for the connection backend; httpcore's pool does.
    transport._pool._network_backend = GuardedBackend(allow_private=allow_private, hint=hint)
    return transport
