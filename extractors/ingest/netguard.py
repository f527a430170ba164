"""Which network addresses the fetcher may reach.

Whoever can trigger a run chooses the URLs, so the worker must not become a way
into its own network: loopback, private, link-local, cloud-metadata and other
non-public addresses are refused, after DNS resolution, unless the host is
allowed in MERCATO_FETCH_ALLOW_HOSTS (comma-separated ``host``, ``host:port`` or
a CIDR network; the sample site and the tests allow their 127.0.0.1 server).

The check runs twice: on each URL before it is requested (every redirect hop
included) and again in the HTTP connection itself, which connects to the very
address it checked, so a name that resolves differently the second time (DNS
rebinding) cannot slip through."""
from __future__ import annotations

import ipaddress
import os
import socket
from urllib.parse import urlsplit

from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ConnectTimeoutError, NameResolutionError, NewConnectionError
from urllib3.util import connection as u3conn

ALLOW_HOSTS_ENV = "MERCATO_FETCH_ALLOW_HOSTS"
METADATA = {ipaddress.ip_address(a) for a in (
    "169.254.169.254", "169.254.170.2", "100.100.100.200", "fd00:ec2::254")}
DEFAULT_PORTS = {"http": 80, "https": 443}


class AddressRefused(Exception):
    """A URL whose host is not public and not allowed; ``reason`` goes to the rejects."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def address_problem(address: str) -> str | None:
    """Why an IP address may not be fetched, or None for a public one."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if ip.version == 6 and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    if ip in METADATA:
        return "a cloud metadata address"
    for test, what in ((ip.is_loopback, "a loopback address"), (ip.is_link_local, "a link-local address"),
                       (ip.is_unspecified, "an unspecified address"), (ip.is_multicast, "a multicast address"),
                       (ip.is_private, "a private address")):
        if test:
            return what
    return None if ip.is_global else "not a public address"


class Allowance:
    """The hosts, host:port pairs and networks the operator allowed."""

    def __init__(self, entries: str | None = None):
        entries = os.environ.get(ALLOW_HOSTS_ENV, "") if entries is None else entries
        self.hosts, self.pairs, self.networks = set(), set(), []
        for entry in (e.strip().lower() for e in entries.replace(" ", ",").split(",")):
            if not entry:
                continue
            if "/" in entry:
                self.networks.append(ipaddress.ip_network(entry, strict=False))
            elif entry.startswith("["):                      # [v6]:port or [v6]
                host, _, port = entry[1:].partition("]")
                (self.pairs.add((host, int(port[1:]))) if port.startswith(":") else self.hosts.add(host))
            elif entry.count(":") == 1:
                host, port = entry.split(":")
                self.pairs.add((host, int(port)))
            else:
                self.hosts.add(entry)

    def host(self, host: str, port: int) -> bool:
        host = host.lower().strip("[]")
        return host in self.hosts or (host, port) in self.pairs

    def address(self, address: str) -> bool:
        ip = ipaddress.ip_address(address.split("%")[0])
        return any(ip.version == n.version and ip in n for n in self.networks)


def resolve_checked(host: str, port: int, allowance: Allowance) -> list[str] | None:
    """The addresses of ``host`` if every one is fetchable; None when the host itself is allowed."""
    if allowance.host(host, port):
        return None
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        return []                     # unresolvable: the request fails on its own, with its own error
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    for address in addresses:
        problem = None if allowance.address(address) else address_problem(address)
        if problem:
            shown = host if host == address else f"{host} ({address})"
            raise AddressRefused(f"refused: {shown} is {problem}; allow it with {ALLOW_HOSTS_ENV}")
    return addresses


def check_url(url: str, allowance: Allowance) -> None:
    """Raise AddressRefused when the URL's host may not be fetched."""
    parts = urlsplit(url)
    if not parts.hostname:
        raise AddressRefused("refused: the URL has no host")
    try:
        port = parts.port or DEFAULT_PORTS.get(parts.scheme, 80)
    except ValueError:
        raise AddressRefused("refused: the URL has an invalid port")
    resolve_checked(parts.hostname, port, allowance)


class _Guarded:
    """Connect only to an address that passed the check, the one that was checked."""
    allowance: Allowance

    def _new_conn(self):
        pinned = resolve_checked(self.host, self.port, self.allowance)
        if pinned is None or not pinned:
            return super()._new_conn()
        last: OSError | None = None
        for address in pinned:
            try:
                return u3conn.create_connection((address, self.port), self.timeout,
                                                source_address=self.source_address,
                                                socket_options=self.socket_options)
            except socket.timeout as err:
                raise ConnectTimeoutError(self, f"Connection to {self.host} timed out. "
                                                f"(connect timeout={self.timeout})") from err
            except socket.gaierror as err:
                raise NameResolutionError(self.host, self, err) from err
            except OSError as err:
                last = err
        raise NewConnectionError(self, f"Failed to establish a new connection: {last}")


class GuardedAdapter(HTTPAdapter):
    """requests' adapter whose direct connections go through the address check."""

    def __init__(self, allowance: Allowance, **kwargs):
        self.allowance = allowance
        super().__init__(**kwargs)

    def init_poolmanager(self, *args, **kwargs):
        super().init_poolmanager(*args, **kwargs)
        conn_http = type("GuardedHTTPConnection", (_Guarded, HTTPConnection), {"allowance": self.allowance})
        conn_https = type("GuardedHTTPSConnection", (_Guarded, HTTPSConnection), {"allowance": self.allowance})
        self.poolmanager.pool_classes_by_scheme = {
            "http": type("GuardedHTTPPool", (HTTPConnectionPool,), {"ConnectionCls": conn_http}),
            "https": type("GuardedHTTPSPool", (HTTPSConnectionPool,), {"ConnectionCls": conn_https}),
        }


def allowing(url: str, current: str | None = None) -> str:
    """MERCATO_FETCH_ALLOW_HOSTS with the host:port of ``url`` (a server we started) added."""
    parts = urlsplit(url)
    host = f"[{parts.hostname}]" if ":" in (parts.hostname or "") else parts.hostname
    entry = f"{host}:{parts.port or DEFAULT_PORTS.get(parts.scheme, 80)}"
    current = os.environ.get(ALLOW_HOSTS_ENV, "") if current is None else current
    return ",".join(x for x in (current, entry) if x)
