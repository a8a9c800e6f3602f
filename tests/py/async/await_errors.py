# What `await` accepts and CPython's messages for what it refuses.
import types


async def f():
    return 1


class NonIter:
    def __await__(self):
        return 5


class ReturnsCoro:
    def __await__(self):
        return f()


class Good:
    def __await__(self):
        x = yield 'from Good'
        return ('Good got', x)


class Delegating:
    def __await__(self):
        return f().__await__()


class RaisingAwait:
    def __await__(self):
        raise KeyError('boom')


def plain_gen():
    yield 1


@types.coroutine
def iterable_coro():
    yield 'iterable coroutine'
    return 'done'


async def h(a):
    return await a


def run(aw):
    c = h(aw)
    try:
        while True:
            print('yielded', c.send(None))
    except StopIteration as e:
        print('returned', e.value)
    except BaseException as e:
        print(type(e).__name__, e)


for a in [1, None, 'str', [1], NonIter(), ReturnsCoro(), Good(), Delegating(), RaisingAwait(),
          plain_gen(), iterable_coro(), f()]:
    run(a)

# Awaiting the same coroutine twice
done = f()
run(done)
run(done)


async def sus():
    await iterable_coro()
    return 3


s = sus()
print(s.send(None))
run(s)
s.close()
print(s.cr_frame, s.cr_await)


# yield from a coroutine in a plain generator
def g():
    yield from f()


try:
    list(g())
except TypeError as e:
    print(e)


# ... but a types.coroutine generator may
@types.coroutine
def g2():
    return (yield from f())


try:
    g2().send(None)
except StopIteration as e:
    print('g2', e.value)


# await on an object whose __await__ is found on the type only
class Inst:
    pass


i = Inst()
i.__await__ = lambda: iter([])
run(i)
print(hex(iterable_coro.__code__.co_flags), hex(plain_gen.__code__.co_flags))
print(types.coroutine(f) is f)
