# TCP over 127.0.0.1 with a thread as the server; accept, makefile, shutdown, repr.
import socket, threading

srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0))
srv.listen()
host, port = srv.getsockname()
print(host, type(port).__name__, port > 0)
print(srv.family, srv.type, srv.proto, srv.family == socket.AF_INET)
print(repr(srv) == f"<socket.socket fd={srv.fileno()}, family=2, type=1, proto=0, laddr=('127.0.0.1', {port})>")
print(srv.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
print(srv.get_inheritable(), srv.gettimeout(), srv.getblocking())

log = []
def serve():
    conn, addr = srv.accept()
    with conn:
        log.append(addr[0])
        while True:
            data = conn.recv(1024)
            if not data:
                break
            conn.sendall(data.upper())

t = threading.Thread(target=serve)
t.start()
c = socket.create_connection(("127.0.0.1", port), timeout=5)
print(c.getpeername() == ("127.0.0.1", port))
c.sendall(b"hello world")
buf = b""
while len(buf) < 11:
    buf += c.recv(100)
print(buf)
c.send(b"abc")
ba = bytearray(10)
n = 0
while n < 3:
    n += c.recv_into(memoryview(ba)[n:])
print(n, ba)
f = c.makefile("rwb")
f.write(b"line one\nline two\n")
f.flush()
print(f.readline(), f.readline())
f.close()
c.shutdown(socket.SHUT_WR)
print(c.recv(10))
c.close()
print(repr(c))
t.join()
print("server saw", log)
srv.close()
print(srv.fileno())
try:
    srv.getsockname()
except OSError as e:
    print(type(e).__name__, e.errno)

# connect to a closed port: ConnectionRefusedError, connect_ex the errno
s = socket.socket()
s.bind(("127.0.0.1", 0))
p = s.getsockname()[1]
s.close()
c = socket.socket()
try:
    c.connect(("127.0.0.1", p))
except ConnectionRefusedError as e:
    print("refused", e.errno)
c.close()
c = socket.socket()
print(c.connect_ex(("127.0.0.1", p)))
c.close()

# with statement, detach, dup, fromfd
with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    d = s.dup()
    print(d.getsockname() == s.getsockname(), d.fileno() != s.fileno())
    d.close()
    fd = s.detach()
    print(s.fileno(), fd > 2)
    s2 = socket.socket(fileno=fd)
    print(s2.family, s2.type, s2.proto)
    s2.close()

# UDP
u1 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u2 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u1.bind(("127.0.0.1", 0))
u2.sendto(b"datagram", u1.getsockname())
data, addr = u1.recvfrom(100)
print(data, addr == u2.getsockname())
u2.sendto(b"again", 0, u1.getsockname())
buf = bytearray(20)
n, addr = u1.recvfrom_into(buf)
print(n, bytes(buf[:n]))
u1.close(); u2.close()

# IPv6 loopback
s6 = socket.socket(socket.AF_INET6)
s6.bind(("::1", 0))
print(s6.getsockname()[0], len(s6.getsockname()))
s6.close()
