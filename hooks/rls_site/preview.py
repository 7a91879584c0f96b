"""The editor's preview (`make serve`): `mkdocs serve` on a port that is free.

`python -m rls_site.preview --port 8001` checks the port first: when another program (often a
preview still running in another window) holds it, one line says so and how to pick another,
instead of MkDocs' traceback. Then it becomes `mkdocs serve` on that port (same process, so
Ctrl+C stops it as before). Messages are Dutch; RLS_MESSAGES=en gives them in English (rls_site.rules).
"""

from __future__ import annotations

import argparse
import os
import socket
import sys

from rls_site.rules import Text

HOST = "127.0.0.1"
DEFAULT_PORT = 8000
PORT_BUSY = Text(
    "Poort {port} is al in gebruik (draait de preview al in een ander venster?). Kies een andere: make serve PORT={other}",
    "Port {port} is already in use (is the preview running in another window?). Pick another: make serve PORT={other}",
)
PORT_INVALID = Text(
    "PORT={port} is geen poortnummer. Kies een getal van 1024 tot 65535, bijvoorbeeld: make serve PORT=8001",
    "PORT={port} is not a port number. Pick a number from 1024 to 65535, for example: make serve PORT=8001",
)


def port_is_free(port: int, host: str = HOST) -> bool:
    """True when `mkdocs serve` could listen on host:port now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        # As MkDocs' server binds: a port left in TIME_WAIT by a preview just stopped counts as free.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def parse_port(text: str) -> int | None:
    """The port number in `text`, or None when it is not one an editor's program may use."""
    text = text.strip()
    if not text.isdigit() or not 1024 <= int(text) <= 65535:
        return None
    return int(text)


def serve_command(port: int) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"{HOST}:{port}"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m rls_site.preview", description="Preview the site with mkdocs serve.")
    parser.add_argument("--port", default=str(DEFAULT_PORT), help=f"the port to serve on (default {DEFAULT_PORT})")
    args = parser.parse_args(argv)
    port = parse_port(args.port)
    if port is None:
        print(str(PORT_INVALID).format(port=args.port), file=sys.stderr)
        return 2
    if not port_is_free(port):
        print(str(PORT_BUSY).format(port=port, other=port + 1 if port < 65535 else 8001), file=sys.stderr)
        return 1
    command = serve_command(port)
    sys.stdout.flush()
    os.execv(command[0], command)
    return 0  # not reached: the process is now mkdocs serve


if __name__ == "__main__":
    sys.exit(main())
