# A subclass of OSError (or of another exception with attributes its
# __init__ fills) that sets one as a class attribute reads it back when the
# constructor was not given a value, as CPython's member descriptors allow
# (asyncio's add_signal_handler tests raise such an Err).
import errno

class Err(OSError):
    errno = errno.EINVAL
    filename = "class-file"

try:
    raise Err
except OSError as e:
    print(e.errno, e.filename, e.strerror, str(e))

e = Err()
print(e.errno, "errno" in vars(e))
e.errno = 5
print(e.errno)

f = Err(2, "No such file")
print(f.strerror, str(f))

class Plain(OSError):
    pass
print(Plain().errno, Plain(3, "x").errno)

class Sub(Err):
    pass
print(Sub().errno, Sub().filename)

class Code(SystemExit):
    code = 7
print(Code().code)
