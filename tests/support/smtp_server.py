#!/usr/bin/python3
"""A real SMTP server for the e-mail integration tests (Debian's python3-aiosmtpd).

Stores every message it accepts as DIR/<n>.eml (the bytes as received) with DIR/<n>.json holding
the envelope ({"mail_from", "rcpt_tos", "login", "tls"}). Prints "PORT=<n>" on standard output once
it accepts connections, then serves until SIGTERM/SIGINT.

  smtp_server.py --dir DIR [--host 127.0.0.1] [--port 0]
                 [--tls none|starttls|implicit --cert CERT.pem --key KEY.pem]
                 [--user USER --password PASSWORD] [--refuse ADDRESS]...

--tls starttls: STARTTLS offered and required before MAIL; implicit: TLS from the first byte
(smtps). With --user, AUTH (PLAIN, LOGIN) is required and, unless --tls none, only after TLS.
"""

import argparse
import asyncio
import itertools
import json
import os
import signal
import ssl
import sys

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class Store:
    def __init__(self, directory, refused):
        self.directory = directory
        self.refused = refused
        self.counter = itertools.count(1)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refused:
            return "550 5.1.1 <" + address + ">: Recipient address rejected: User unknown"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        n = next(self.counter)
        login = session.auth_data.login.decode() if isinstance(session.auth_data, LoginPassword) else None
        meta = {"mail_from": envelope.mail_from, "rcpt_tos": list(envelope.rcpt_tos), "login": login,
                "tls": session.ssl is not None or server.transport.get_extra_info("sslcontext") is not None}
        base = os.path.join(self.directory, str(n))
        with open(base + ".eml.tmp", "wb") as f:
            f.write(envelope.original_content)
        with open(base + ".json", "w") as f:
            json.dump(meta, f)
        os.rename(base + ".eml.tmp", base + ".eml")  # complete files only
        return "250 2.0.0 OK stored as " + str(n)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--tls", choices=["none", "starttls", "implicit"], default="none")
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--user")
    parser.add_argument("--password")
    parser.add_argument("--refuse", action="append", default=[], help="a recipient answered 550")
    args = parser.parse_args()

    context = None
    if args.tls != "none":
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.cert, args.key)

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword) and auth_data.login.decode() == args.user
              and auth_data.password.decode() == args.password)
        return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    store = Store(args.dir, args.refuse)

    def factory():
        return SMTP(store, hostname="smtp.test", loop=loop,
                    tls_context=context if args.tls == "starttls" else None,
                    require_starttls=args.tls == "starttls",
                    authenticator=authenticator if args.user else None,
                    auth_required=bool(args.user),
                    auth_require_tls=args.tls == "starttls")

    server = loop.run_until_complete(
        loop.create_server(factory, args.host, args.port, ssl=context if args.tls == "implicit" else None))
    port = server.sockets[0].getsockname()[1]
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, loop.stop)
    print(f"PORT={port}", flush=True)
    loop.run_forever()
    server.close()
    loop.run_until_complete(server.wait_closed())
    return 0


if __name__ == "__main__":
    sys.exit(main())
