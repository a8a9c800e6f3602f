# ssl.SSLObject over MemoryBIOs: a handshake and data moved by hand between
# a client and a server object, session and SNI callback, EOF.
import os, ssl

CERTS = '/usr/lib/python3.11/test'
server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
server_ctx.load_cert_chain(os.path.join(CERTS, 'keycert.pem'))
server_ctx.set_alpn_protocols(['h2', 'http/1.1'])
names = []
server_ctx.sni_callback = lambda obj, name, ctx: names.append((type(obj).__name__, name))
client_ctx = ssl.create_default_context(cafile=os.path.join(CERTS, 'keycert.pem'))
client_ctx.set_alpn_protocols(['http/1.1'])

cin, cout, sin, sout = ssl.MemoryBIO(), ssl.MemoryBIO(), ssl.MemoryBIO(), ssl.MemoryBIO()
client = client_ctx.wrap_bio(cin, cout, server_hostname='localhost')
server = server_ctx.wrap_bio(sin, sout, server_side=True)
print(type(client).__name__, client.server_side, server.server_side, client.server_hostname)
print(cin.pending, cout.pending, cin.eof)

def pump():
    moved = 0
    for src, dst in ((cout, sin), (sout, cin)):
        data = src.read()
        moved += len(data)
        dst.write(data)
    return moved

steps = 0
done = {client: False, server: False}
while not all(done.values()):
    for obj in (client, server):
        if done[obj]:
            continue
        try:
            obj.do_handshake()
            done[obj] = True
        except ssl.SSLWantReadError:
            pass
    pump()
    steps += 1
print('handshake in', steps, 'rounds')
print(client.version(), server.version(), client.selected_alpn_protocol(), server.selected_alpn_protocol())
print(names)
print(client.getpeercert()['subject'][-1], server.getpeercert())
try:
    client.read(10)
except ssl.SSLWantReadError as e:
    print('SSLWantReadError', e.errno)
print(client.write(b'ping'))
pump()
print(server.read(10), server.pending())
server.write(b'pong' * 5000)
pump()
data = b''
while len(data) < 20000:
    data += client.read(100000)
    pump()
print(len(data))
sess = client.session
print(type(sess).__name__, isinstance(sess.id, bytes), sess.has_ticket, sess.timeout > 0, client.session_reused)
try:
    client.session = sess
except ValueError as e:
    print(e)
# close: the server's close_notify reaches the client
try:
    server.unwrap()
except ssl.SSLWantReadError:
    pass
pump()
print(client.read(10), 'after close_notify')
cin.write_eof()
print(cin.eof, cin.pending)
try:
    cin.write(b'x')
except ssl.SSLError as e:
    print(e)
bio = ssl.MemoryBIO()
print(bio.write(b'abc'), bio.write(bytearray(b'de')), bio.pending, bio.read(2), bio.read(), bio.read())
try:
    bio.write('str')
except TypeError as e:
    print('TypeError', e)
