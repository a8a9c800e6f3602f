# socketpair, AF_UNIX paths and the abstract namespace, SCM_RIGHTS over sendmsg/recvmsg.
import array, os, socket, tempfile

a, b = socket.socketpair()
print(a.family, a.type, a.proto, a.getsockname(), b.getpeername())
a.sendall(b"x" * 5)
print(b.recv(100))
b.send(b"back")
print(a.recvfrom(10))
a.close(); b.close()

d = tempfile.mkdtemp()
path = os.path.join(d, "s")
srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
srv.bind(path)
srv.listen(1)
print(srv.getsockname() == path, os.path.exists(path))
c = socket.socket(socket.AF_UNIX)
c.connect(path.encode())
conn, addr = srv.accept()
print(repr(addr), conn.getsockname() == path)
c.send(b"via path")
print(conn.recv(100))
conn.close(); c.close(); srv.close()
os.unlink(path)
os.rmdir(d)

name = b"\0gilpy-sock-test-%d" % os.getpid()
srv = socket.socket(socket.AF_UNIX)
srv.bind(name)
print(srv.getsockname() == name, type(srv.getsockname()).__name__)
srv.close()

# unix datagrams with sender addresses
a, b = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
a.send(b"dgram")
print(b.recvfrom(10))
a.close(); b.close()

# sendmsg/recvmsg with descriptors
a, b = socket.socketpair()
r, w = os.pipe()
n = a.sendmsg([b"fd", b"s!"], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array("i", [r, w]))])
print("sent", n)
msg, anc, flags, addr = b.recvmsg(10, socket.CMSG_SPACE(2 * 4))
print(msg, flags, addr, len(anc))
level, typ, data = anc[0]
print(level == socket.SOL_SOCKET, typ == socket.SCM_RIGHTS, len(data))
fds = array.array("i", data)
os.write(fds[1], b"through the passed pipe")
print(os.read(fds[0], 100))
for fd in list(fds) + [r, w]:
    os.close(fd)
a.sendmsg([b"into"])
bufs = [bytearray(2), bytearray(5)]
print(b.recvmsg_into(bufs), bufs)
print(socket.CMSG_LEN(4), socket.CMSG_SPACE(4), socket.CMSG_LEN(0))

a.close(); b.close()

# errors
def t(f, *args):
    try:
        print(repr(f(*args)))
    except Exception as e:
        print(type(e).__name__, e)
a, b = socket.socketpair()
t(a.sendmsg, 5)
t(a.sendmsg, [5])
t(a.sendmsg, [b"x"], 5)
t(a.sendmsg, [b"x"], [5])
t(a.sendmsg, [b"x"], [(1, 2)])
t(a.recvmsg, -1)
t(a.recvmsg, 1, -1)
t(a.recvmsg_into, 5)
t(a.recvmsg_into, [b"x"])
u = socket.socket(socket.AF_UNIX)
t(u.bind, 5)
t(u.bind, "x" * 200)
t(u.getsockname)
t(u.connect, "/nonexistent/x")
a.close(); b.close(); u.close()

# socket.sendfile (os.sendfile) and os.sendfile's errors
import threading
a, b = socket.socketpair()
with tempfile.TemporaryFile() as f:
    f.write(b"file contents " * 100)
    f.flush()
    f.seek(0)
    th = threading.Thread(target=lambda: print("sendfile sent", a.sendfile(f, offset=14)))
    th.start()
    got = b""
    while len(got) < 1386:
        got += b.recv(5000)
    th.join()
    print(len(got), got[:14], f.tell())
    print(os.sendfile(a.fileno(), f.fileno(), 0, 5), b.recv(10))
r, w = os.pipe()
t(os.sendfile, w, r, None, -1)
t(os.sendfile, w, r, "x", 1)
for fd in (r, w):
    os.close(fd)
a.close(); b.close()
