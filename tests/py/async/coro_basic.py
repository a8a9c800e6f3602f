# Coroutine objects driven by hand: type, repr, send/throw/close, cr_* attributes.
import types


def show(x):
    r = repr(x)
    print(r[:r.index(' at 0x')] + '>' if ' at 0x' in r else r)


async def f():
    return 1


c = f()
print(type(c), type(c).__name__, type(c) is types.CoroutineType)
show(c)
print(c.__name__, c.__qualname__, c.cr_code is f.__code__, c.cr_running, c.cr_await, c.cr_origin)
print(c.cr_frame is not None, c.cr_suspended)
try:
    c.send(None)
except StopIteration as e:
    print("StopIteration", e.value)
print(c.cr_frame, c.cr_suspended)
for op in [lambda: c.send(None), lambda: c.throw(ValueError), lambda: c.close(), lambda: c.send(1)]:
    try:
        print(op())
    except BaseException as e:
        print(type(e).__name__, e)

c = f()
try:
    c.send(1)
except BaseException as e:
    print(type(e).__name__, e)
for op in (iter, next, list):
    try:
        op(c)
    except BaseException as e:
        print(type(e).__name__, e)
c.close()
c.close()

c = f()
try:
    c.throw(ValueError("x"))
except BaseException as e:
    print(type(e).__name__, e)
try:
    c.send(None)
except BaseException as e:
    print(type(e).__name__, e)

w = f().__await__()
print(type(w).__name__, iter(w) is w)
try:
    next(w)
except StopIteration as e:
    print("StopIteration", e.value)

print(hex(f.__code__.co_flags))


class Class:
    async def meth(self):
        pass


m = Class().meth()
print(m.__qualname__)
m.__name__ = 'renamed'
print(m.__name__)
try:
    m.__qualname__ = 3
except TypeError as e:
    print(e)
m.close()


# await chains and values travelling both ways
@types.coroutine
def suspend(v):
    got = yield v
    return got


async def inner(n):
    got = await suspend(('inner', n))
    return got * 2


async def outer():
    a = await inner(1)
    b = await inner(2)
    return a + b


o = outer()
print(o.send(None))
show(o.cr_await)
print(o.cr_suspended)
print(o.send(10))
try:
    o.send(20)
except StopIteration as e:
    print("result", e.value)

# throw reaches the innermost await; the frames can catch it
async def catcher():
    try:
        await suspend('waiting')
    except KeyError as e:
        print("caught", repr(e))
        return 'recovered'


c = catcher()
print(c.send(None))
try:
    c.throw(KeyError('k'))
except StopIteration as e:
    print("result", e.value)

# close runs finally blocks at the suspension point
async def closer():
    try:
        await suspend(1)
    finally:
        print("finally ran")


c = closer()
c.send(None)
c.close()
print(c.cr_frame)

# a coroutine that ignores GeneratorExit
async def stubborn():
    while True:
        try:
            await suspend(1)
        except GeneratorExit:
            pass


c = stubborn()
c.send(None)
try:
    c.close()
except RuntimeError as e:
    print(e)


# StopIteration raised inside becomes RuntimeError
async def raise_si():
    raise StopIteration(5)


try:
    raise_si().send(None)
except RuntimeError as e:
    print(type(e).__name__, e, repr(e.__cause__))

# already executing
async def selfsend():
    me.send(None)


me = selfsend()
try:
    me.send(None)
except ValueError as e:
    print(e)
