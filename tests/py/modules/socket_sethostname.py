# socket.sethostname: bytes as they are, str and path-likes through the
# file-system encoding, CPython's errors.  The name set is the current one,
# so the test changes nothing (and without privilege it is EPERM).
import errno
import socket
import sys

def check(arg):
    try:
        socket.sethostname(arg)
        return "set"
    except PermissionError as e:
        return "set" if e.errno == errno.EPERM else "other"

name = socket.gethostname()
print(check(name), check(name.encode()), socket.gethostname() == name)

class P:
    def __fspath__(self):
        return name
print(check(P()))

for bad in (1, "a\0b", bytearray(b"x"), None):
    try:
        socket.sethostname(bad)
    except (TypeError, ValueError, OSError) as e:
        print(type(e).__name__, e if not isinstance(e, OSError) else "")

events = []
sys.addaudithook(lambda ev, args: ev == "socket.sethostname" and events.append(args))
check(name)
print(events == [(name.encode(),)])
