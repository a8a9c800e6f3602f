# A signal raised by a call is handled before the next statement runs: after
# every call returns (CPython's eval breaker in CALL), not at the next loop.
import os
import signal

log = []


def handler(signum, frame):
    log.append(signum)
    print("handler", signum == signal.SIGUSR1)


signal.signal(signal.SIGUSR1, handler)

# straight-line code: no loop, no Python call after the kill
os.kill(os.getpid(), signal.SIGUSR1)
print("after kill", log)

signal.raise_signal(signal.SIGUSR1)
print("after raise_signal", len(log))


# inside a function: the handler runs before the function's next line
def f():
    os.kill(os.getpid(), signal.SIGUSR1)
    print("in f", len(log))
    return "ret"


print(f(), len(log))

# through a keyword call and a call with *args
os.kill(*[os.getpid(), signal.SIGUSR1])
print("after *args", len(log))
print(sorted([3, 1, 2], key=lambda x: (os.kill(os.getpid(), signal.SIGUSR1), x)[1]), len(log))


# a handler that raises: the exception comes out of the call that raised the signal
class Boom(Exception):
    pass


def raising(signum, frame):
    raise Boom("from handler")


signal.signal(signal.SIGUSR2, raising)
try:
    os.kill(os.getpid(), signal.SIGUSR2)
    print("not reached")
except Boom as e:
    print("caught", e)


def g():
    os.kill(os.getpid(), signal.SIGUSR2)
    return "not reached"


try:
    g()
except Boom as e:
    print("caught from g", e)

# SIGINT with the default handler: KeyboardInterrupt before the next statement
try:
    os.kill(os.getpid(), signal.SIGINT)
    print("not reached")
except KeyboardInterrupt:
    print("KeyboardInterrupt")
try:
    os.kill(os.getpid(), signal.SIGINT); print("not reached either")
except KeyboardInterrupt:
    print("KeyboardInterrupt on the same line")

# the last statement of the program: the handler still runs
signal.signal(signal.SIGUSR1, lambda s, fr: print("last handler"))
os.kill(os.getpid(), signal.SIGUSR1)
