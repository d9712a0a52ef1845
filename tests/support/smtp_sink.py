#!/usr/bin/python3
"""A local SMTP sink for the e-mail tests (Debian's python3-aiosmtpd).

usage: smtp_sink.py DIR CERT KEY USER PASSWORD [ADDRESS]

Listens on ADDRESS (127.0.0.1 unless given; ::1 for IPv6) on a free port, requires STARTTLS (CERT/KEY) before
anything else and a sign-in (PLAIN or LOGIN) as USER with PASSWORD after
it; writes each message it accepts to DIR/<n>.eml (the envelope as
X-Envelope-From / X-Envelope-To headers, then the message as received),
whole files only. Prints "PORT <n>" once it listens; runs until stdin
closes (the test ends) or it is killed.
"""
import os
import socket
import ssl
import sys

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Saver:
    def __init__(self, directory):
        self.directory = directory
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        final = os.path.join(self.directory, "%d.eml" % self.count)
        with open(final + ".part", "wb") as out:
            out.write(b"X-Envelope-From: " + envelope.mail_from.encode() + b"\r\n")
            out.write(b"X-Envelope-To: " + ",".join(envelope.rcpt_tos).encode() + b"\r\n")
            out.write(envelope.original_content)
        os.rename(final + ".part", final)
        return "250 OK"


def main():
    directory, cert, key, user, password = sys.argv[1:6]
    address = sys.argv[6] if len(sys.argv) > 6 else "127.0.0.1"
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)

    def authenticate(server, session, envelope, mechanism, data):
        ok = (isinstance(data, LoginPassword) and data.login == user.encode()
              and data.password == password.encode())
        return AuthResult(success=ok, handled=False)

    probe = socket.socket(socket.AF_INET6 if ":" in address else socket.AF_INET)
    probe.bind((address, 0))
    port = probe.getsockname()[1]
    probe.close()
    controller = Controller(Saver(directory), hostname=address, port=port,
                            tls_context=context, require_starttls=True,
                            authenticator=authenticate, auth_required=True,
                            auth_require_tls=True)
    controller.start()
    print("PORT %d" % port, flush=True)
    sys.stdin.read()
    controller.stop()


if __name__ == "__main__":
    main()
