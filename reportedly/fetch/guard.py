"""What a public server may fetch: only global addresses, checked before and after connecting.

A server bound beyond localhost that fetches URLs for anyone could be made to read its own
network (the cloud metadata address, an admin page on 10.0.0.1). Every hop's host is resolved
and refused when any of its addresses is not global; the address actually connected to is
checked again before the body is read, so a name that resolves differently the second time
(DNS rebinding) cannot slip through.
"""
from __future__ import annotations

import ipaddress
import socket

from ..errors import FetchError, FetchRefusedError


def is_public(ip: str) -> bool:
    """True for an address on the public Internet (not loopback, private, link-local, shared,
    reserved or multicast); IPv4 written as IPv6 ("::ffff:10.0.0.1") is judged as IPv4."""
    address = ipaddress.ip_address(ip.split("%", 1)[0])
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


def check_host(url: str, host: str, port: int) -> None:
    """Raise FetchRefusedError when ``host`` has a non-public address, FetchError when it has none."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise FetchError(f"{url}: the host name {host} could not be resolved (DNS: {exc.strerror})") from exc
    for info in infos:
        check_address(url, host, info[4][0])


def check_address(url: str, host: str, ip: str) -> None:
    """Raise FetchRefusedError when ``ip`` (an address of ``host``) is not public."""
    if not is_public(ip):
        raise FetchRefusedError(
            f"{url}: {host} is at {ip}, a private or local address; this server fetches only public addresses"
        )
