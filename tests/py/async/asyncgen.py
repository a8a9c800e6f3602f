# Async generators (PEP 525) driven by hand: asend, athrow, aclose, __anext__.
import sys
import types


def show(x):
    r = repr(x)
    print(r[:r.index(' at 0x')] + '>' if ' at 0x' in r else r)


@types.coroutine
def sleep0(tag='tick'):
    return (yield tag)


def drive(aw):
    """Run one awaitable to completion, printing what it yields to the loop."""
    try:
        while True:
            print('  loop got', aw.send(None))
    except StopIteration as e:
        return ('value', e.value)
    except BaseException as e:
        return (type(e).__name__, str(e))


async def ag():
    print('  start')
    x = yield 1
    print('  got', x)
    await sleep0('inside')
    yield 2
    return


g = ag()
print(type(g), type(g) is types.AsyncGeneratorType)
show(g)
print(g.__name__, g.__qualname__, g.ag_code is ag.__code__, g.ag_running, g.ag_await)
print(hex(ag.__code__.co_flags))
print(g.__aiter__() is g)
a = g.__anext__()
print(type(a).__name__, a.__await__() is a, iter(a) is a)
print(drive(a))
print(drive(g.asend('sent')))
print(drive(g.__anext__()))
print(drive(g.__anext__()))
print(g.ag_frame)

# the awaitable cannot be reused
g = ag()
a = g.__anext__()
print(drive(a))
print(drive(a))
a.close()

# asend of a non-None value to a fresh generator
print(drive(ag().asend(5)))


# athrow: caught inside, or propagating
async def catcher():
    while True:
        try:
            yield 'ready'
        except ValueError as e:
            print('  caught', repr(e))
            yield 'after catch'


g = catcher()
print(drive(g.__anext__()))
print(drive(g.athrow(ValueError('v'))))
print(drive(g.athrow(ValueError, ValueError('w'))))
print(drive(g.athrow(KeyError('k'))))
print(drive(g.__anext__()))
print(drive(g.athrow(KeyError('k'))))

# aclose runs finally blocks; the generator can await in them
async def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print('  finally, awaiting')
        await sleep0('cleanup')
        print('  finally done')


g = with_finally()
print(drive(g.__anext__()))
print(drive(g.aclose()))
print(drive(g.__anext__()))
print(drive(g.aclose()))
print(drive(with_finally().aclose()))


# yielding while being closed
async def ignores_exit():
    try:
        yield 1
    finally:
        yield 2


g = ignores_exit()
print(drive(g.__anext__()))
print(drive(g.aclose()))


async def ignores_exit2():
    while True:
        try:
            yield 1
        except GeneratorExit:
            pass


g = ignores_exit2()
print(drive(g.__anext__()))
print(drive(g.aclose()))


# StopIteration / StopAsyncIteration raised inside
async def raises(exc):
    yield 1
    raise exc


for exc in [StopIteration, StopAsyncIteration, KeyError('x')]:
    g = raises(exc)
    drive(g.__anext__())
    print(drive(g.__anext__()))

# running twice at once
async def slow():
    await sleep0('slow')
    yield 1


g = slow()
a1 = g.__anext__()
print(a1.send(None))
print(g.ag_running)
show(g.ag_await)
print(drive(g.__anext__()))
print(drive(g.aclose()))
print(drive(g.athrow(ValueError)))
print(drive(a1))


# async comprehensions and async for over async generators
async def count(n):
    for i in range(n):
        await sleep0()
        yield i


async def comps():
    lst = [i async for i in count(3)]
    st = {i % 2 async for i in count(4)}
    dct = {i: i * i async for i in count(3) if i}
    gen = (i * 10 async for i in count(3))
    via_gen = [x async for x in gen]
    awaited = [await sleep0(i) for i in range(2)]
    nested = [[j async for j in count(i)] for i in range(3)]
    mixed = [(i, j) for i in range(2) async for j in count(2)]
    return lst, st, dct, via_gen, awaited, nested, mixed, type(gen).__name__


c = comps()
try:
    while True:
        c.send(None)
except StopIteration as e:
    print(e.value)


# hooks
def firstiter(gen):
    print('  firstiter', gen.__name__)


def finalizer(gen):
    print('  finalizer', gen.__name__)


print(sys.get_asyncgen_hooks())
sys.set_asyncgen_hooks(firstiter, finalizer)
h = sys.get_asyncgen_hooks()
print(h.firstiter is firstiter, h.finalizer is finalizer, h[0] is firstiter, len(h))
g = count(2)
print(drive(g.__anext__()))
print(drive(g.__anext__()))
sys.set_asyncgen_hooks(None, None)
print(sys.get_asyncgen_hooks())
old = sys.get_asyncgen_hooks()
sys.set_asyncgen_hooks(*old)
for bad in [dict(firstiter=1), dict(finalizer='x')]:
    try:
        sys.set_asyncgen_hooks(**bad)
    except TypeError as e:
        print(e)
