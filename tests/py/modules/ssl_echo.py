# TLS over 127.0.0.1: an echo server in a thread with CPython's test
# certificates, a verifying client; getpeercert in both forms, cipher,
# version, channel binding, timeouts, non-blocking reads, unwrap.
import os, socket, ssl, threading

CERTS = '/usr/lib/python3.11/test'
server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
server_ctx.load_cert_chain(os.path.join(CERTS, 'keycert.pem'))
client_ctx = ssl.create_default_context(cafile=os.path.join(CERTS, 'keycert.pem'))

srv = socket.socket()
srv.bind(('127.0.0.1', 0))
srv.listen()
port = srv.getsockname()[1]
server_seen = []

def serve():
    conn, _ = srv.accept()
    with server_ctx.wrap_socket(conn, server_side=True) as s:
        server_seen.append((s.server_side, s.version(), s.getpeercert()))
        while True:
            d = s.recv(65536)
            if not d or d == b'UNWRAP':
                break
            s.sendall(d.upper())
        if d == b'UNWRAP':
            plain = s.unwrap()
            plain.sendall(plain.recv(100) + b' in clear')
            plain.close()

t = threading.Thread(target=serve)
t.start()
raw = socket.create_connection(('127.0.0.1', port))
s = client_ctx.wrap_socket(raw, server_hostname='localhost')
print(type(s).__name__, s.server_side, s.server_hostname, s.version())
name, proto, bits = s.cipher()
print(isinstance(name, str), proto, bits >= 128)
cert = s.getpeercert()
print(cert['subject'])
print(cert['subjectAltName'], cert['notAfter'], cert['serialNumber'])
der = s.getpeercert(binary_form=True)
print(ssl.DER_cert_to_PEM_cert(der) == open(os.path.join(CERTS, 'keycert.pem')).read().split('-----BEGIN CERTIFICATE-----')[0] or len(der))
print(len(s.get_channel_binding('tls-unique')))
s.sendall(b'hello')
print(s.recv(100))
# a big message and a timeout that is not reached
s.settimeout(5.0)
s.sendall(b'x' * 200000)
got = bytearray()
while len(got) < 200000:
    got += s.recv(65536)
print(len(got), bytes(got[:3]), s.gettimeout())
# recv_into and read
s.sendall(b'into')
buf = bytearray(10)
n = s.recv_into(buf)
print(n, bytes(buf[:n]))
# a timeout that is reached
s.settimeout(0.2)
try:
    s.recv(10)
except TimeoutError as e:
    print('TimeoutError', e)
# non-blocking: nothing to read yet
s.setblocking(False)
try:
    s.recv(10)
except ssl.SSLWantReadError as e:
    print('SSLWantReadError', e.errno, str(e).split(' (_ssl')[0])
s.setblocking(True)
s.sendall(b'UNWRAP')
plain = s.unwrap()
plain.sendall(b'now')
print(plain.recv(100))
plain.close()
t.join()
print(server_seen[0][0], server_seen[0][1], server_seen[0][2])
srv.close()
