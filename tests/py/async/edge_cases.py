# Corner cases from CPython's test_coroutines and test_asyncgen.
import types


def run_async(coro):
    buffer = []
    result = None
    while True:
        try:
            buffer.append(coro.send(None))
        except StopIteration as ex:
            result = ex.args[0] if ex.args else None
            break
    return buffer, result


def report(coro):
    try:
        print(run_async(coro))
    except BaseException as e:
        print(type(e).__name__, e)


@types.coroutine
def yielding(v):
    return (yield v)


# __aexit__ that is not awaitable, left by every way out of the block
class CM:
    async def __aenter__(self):
        return self

    def __aexit__(self, *e):
        return 456


CNT = 0


async def normal():
    global CNT
    async with CM():
        CNT += 1


async def brk():
    global CNT
    for i in range(2):
        async with CM():
            CNT += 1
            break


async def cont():
    global CNT
    for i in range(2):
        async with CM():
            CNT += 1
            continue


async def ret():
    global CNT
    async with CM():
        CNT += 1
        return


for f in (normal, brk, cont, ret):
    report(f())
    print(CNT)


# targets that raise StopAsyncIteration are not the end of the loop
class BadTarget:
    def __setitem__(self, key, value):
        raise StopAsyncIteration(42)


tgt = BadTarget()


async def source():
    yield 10


async def run_for():
    try:
        async for tgt[0] in source():
            pass
    except StopAsyncIteration as e:
        print('for', e.args)
    return 'end'


async def run_list():
    try:
        return [0 async for tgt[0] in source()]
    except StopAsyncIteration as e:
        print('list', e.args)
    return 'end'


async def run_gen():
    gen = (0 async for tgt[0] in source())
    a = gen.asend(None)
    try:
        await a
    except RuntimeError as e:
        print('gen', e, repr(e.__cause__))
    return 'end'


for f in (run_for, run_list, run_gen):
    report(f())


# values passing through awaits, return values of nested awaits
async def add(a, b):
    x = await yielding(a)
    y = await yielding(b)
    return (x, y)


async def caller():
    r1 = await add(1, 2)
    r2 = [await add(i, -i) for i in range(2)]
    r3 = f'{await add("s", "t")}'
    return r1, r2, r3


report(caller())


# await in every kind of expression position
async def positions():
    d = {await yielding('k'): await yielding('v')}
    lst = [await yielding(1), *[await yielding(2)]]
    cond = await yielding('c') if await yielding(True) else None
    lam = (lambda: 5)()
    total = sum([await yielding(i) for i in range(3)])
    return d, lst, cond, lam, total


report(positions())


# try/except/finally around awaits
async def failing():
    await yielding('before')
    raise ValueError('inside')


async def handler():
    try:
        await failing()
    except ValueError as e:
        await yielding('in except')
        r = repr(e)
    finally:
        await yielding('in finally')
    return r


report(handler())


# throw() while suspended in a nested await, caught two levels up
async def level2():
    await yielding('level2')


async def level1():
    try:
        await level2()
    except ZeroDivisionError:
        return 'handled in level1'


c = level1()
print(c.send(None))
try:
    c.throw(ZeroDivisionError)
except StopIteration as e:
    print(e.value)


# close() while suspended runs finally blocks of every level
async def inner_fin():
    try:
        await yielding('x')
    finally:
        print('inner finally')


async def outer_fin():
    try:
        await inner_fin()
    finally:
        print('outer finally')


c = outer_fin()
c.send(None)
c.close()
print(c.cr_frame, c.cr_running, c.cr_await)


# a coroutine's __await__ wrapper keeps driving it
async def two_steps():
    await yielding(1)
    await yielding(2)
    return 'wrapped done'


w = two_steps().__await__()
print(next(w), w.send(None))
try:
    w.send(None)
except StopIteration as e:
    print(e.value)


# async generator expressions in plain functions
def make_agen():
    return (x * 2 async for x in source())


ag = make_agen()
print(type(ag).__name__)
report(ag.__anext__())


# nested async generators and aclose propagating through await
async def agen_outer():
    inner = agen_inner()
    try:
        async for v in inner:
            yield v
    finally:
        await inner.aclose()
        print('outer agen closed inner')


async def agen_inner():
    try:
        yield 1
        yield 2
    finally:
        print('inner agen finally')


async def consume():
    g = agen_outer()
    first = await g.__anext__()
    await g.aclose()
    return first


report(consume())
