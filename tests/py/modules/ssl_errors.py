# TLS failures as CPython reports them: an unknown CA, a wrong host name,
# a server without a certificate, errors of the context's setup.
import os, socket, ssl, threading

CERTS = '/usr/lib/python3.11/test'

def strip(msg):
    return str(msg).split(' (_ssl.c:')[0]

def run(server_ctx, client_ctx, hostname):
    srv = socket.socket()
    srv.bind(('127.0.0.1', 0))
    srv.listen()
    port = srv.getsockname()[1]
    result = []
    def serve():
        conn, _ = srv.accept()
        try:
            server_ctx.wrap_socket(conn, server_side=True).close()
        except (ssl.SSLError, OSError) as e:
            result.append(type(e).__name__)
            conn.close()
    t = threading.Thread(target=serve)
    t.start()
    try:
        with client_ctx.wrap_socket(socket.create_connection(('127.0.0.1', port)), server_hostname=hostname) as s:
            print('connected', s.version())
    except ssl.SSLCertVerificationError as e:
        print(type(e).__name__, e.errno, e.library, e.reason, e.verify_code)
        print(' ', strip(e))
        print(' ', e.verify_message, isinstance(e, ValueError))
    except ssl.SSLError as e:
        print(type(e).__name__, e.library, e.reason, strip(e))
    t.join()
    srv.close()
    print(' server:', result)

server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
server_ctx.load_cert_chain(os.path.join(CERTS, 'keycert.pem'))
# the client trusts nothing
run(server_ctx, ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT), 'localhost')
# the client trusts the certificate, but not for this name
trusting = ssl.create_default_context(cafile=os.path.join(CERTS, 'keycert.pem'))
run(server_ctx, trusting, 'example.org')
# an IP address that is not in the certificate
run(server_ctx, trusting, '127.0.0.2')
# no checks: anything goes
lax = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
lax.check_hostname = False
lax.verify_mode = ssl.CERT_NONE
run(server_ctx, lax, None)

ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
checks = [
    lambda: ctx.load_cert_chain(os.path.join(CERTS, 'nonexisting.pem')),
    lambda: ctx.load_cert_chain(os.path.join(CERTS, 'badcert.pem')),
    lambda: ctx.load_cert_chain(os.path.join(CERTS, 'keycert.passwd.pem'), password='wrong'),
    lambda: ctx.load_cert_chain(os.path.join(CERTS, 'keycert.passwd.pem'), password=lambda: 3),
    lambda: ctx.load_cert_chain(os.path.join(CERTS, 'keycert.passwd.pem'), password=1),
    lambda: ctx.load_verify_locations(cadata='not a certificate'),
    lambda: ctx.load_verify_locations(),
    lambda: ctx.set_ciphers('NOTACIPHER'),
    lambda: setattr(ctx, 'verify_mode', ssl.CERT_NONE),
    lambda: setattr(ctx, 'verify_mode', 42),
    lambda: ctx.wrap_socket(socket.socket()),
    lambda: ctx.wrap_socket(socket.socket(), server_hostname='.example.org'),
    lambda: ssl.SSLContext(42),
]
for f in checks:
    try:
        f()
        print('no error')
    except Exception as e:
        print(type(e).__name__, e.errno if isinstance(e, OSError) else '', strip(e))
ctx.load_cert_chain(os.path.join(CERTS, 'keycert.passwd.pem'), password=b'somepass')
ctx.load_cert_chain(os.path.join(CERTS, 'keycert.passwd.pem'), password=lambda: 'somepass')
print('password forms ok')
