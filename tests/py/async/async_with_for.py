# async with and async for, driven by a tiny round-robin scheduler.
import types


@types.coroutine
def sleep0(tag=None):
    yield tag


def run(*coros):
    """Round-robin: send None to each task until all are done."""
    tasks = list(coros)
    results = {}
    while tasks:
        for t in list(tasks):
            try:
                t.send(None)
            except StopIteration as e:
                results[t.__qualname__] = e.value
                tasks.remove(t)
            except BaseException as e:
                print('task', t.__qualname__, 'raised', type(e).__name__, e)
                tasks.remove(t)
    return results


class ACM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    async def __aenter__(self):
        print('enter', self.name)
        await sleep0()
        return self.name.upper()

    async def __aexit__(self, typ, val, tb):
        print('exit', self.name, typ.__name__ if typ else None, val)
        await sleep0()
        return self.suppress


class Ticker:
    def __init__(self, n):
        self.i = 0
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        await sleep0()
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i


async def worker(name, n):
    total = 0
    async with ACM(name) as v:
        print('in block', v)
        async for i in Ticker(n):
            print(name, 'tick', i)
            total += i
        else:
            print(name, 'else clause')
    return total


print(run(worker('a', 2), worker('b', 3)))


async def suppressing():
    async with ACM('s', suppress=True):
        raise ValueError('hidden')
    async with ACM('t', suppress=False):
        raise ValueError('shown')


print(run(suppressing()))


async def nested_and_control():
    out = []
    async with ACM('x') as x, ACM('y') as y:
        out.append((x, y))
    for attempt in range(3):
        async with ACM('loop'):
            if attempt == 0:
                continue
            if attempt == 1:
                break
    async for i in Ticker(5):
        if i == 2:
            continue
        if i == 4:
            break
        out.append(i)
    else:
        out.append('no else after break')
    return out


print(run(nested_and_control()))


async def returns_inside():
    async with ACM('r'):
        async for i in Ticker(3):
            if i == 2:
                return i


print(run(returns_inside()))


# errors
class NoAenter:
    pass


class NoAexit:
    async def __aenter__(self):
        return 1


class SyncCM:
    def __enter__(self):
        return 1

    def __exit__(self, *a):
        pass


class BadAenter:
    def __aenter__(self):
        return 1

    async def __aexit__(self, *a):
        pass


class BadAexit:
    async def __aenter__(self):
        return 1

    def __aexit__(self, *a):
        return 2


class NoAiter:
    pass


class AiterNoAnext:
    def __aiter__(self):
        return 1


class BadAnext:
    def __aiter__(self):
        return self

    def __anext__(self):
        return 3


class RaisesInAnext:
    def __aiter__(self):
        return self

    async def __anext__(self):
        raise KeyError('in anext')


async def use_with(cm):
    async with cm:
        pass


async def use_for(it):
    async for x in it:
        pass


async def use_for_raising(it):
    async for x in it:
        raise ValueError('body')


for cm in [NoAenter(), NoAexit(), SyncCM(), BadAenter(), BadAexit(), None]:
    run(use_with(cm))
for it in [NoAiter(), AiterNoAnext(), BadAnext(), RaisesInAnext(), [1, 2], None]:
    run(use_for(it))
run(use_for_raising(Ticker(2)))


async def bad_aexit_exc():
    async with BadAexit():
        raise ValueError('x')


run(bad_aexit_exc())


# __aexit__ receiving the exception that ended the block, then raising its own
class Replacer:
    async def __aenter__(self):
        return self

    async def __aexit__(self, t, v, tb):
        raise RuntimeError('replaced') from v


async def replaced():
    try:
        async with Replacer():
            1 / 0
    except RuntimeError as e:
        print('caught', e, repr(e.__cause__), repr(e.__context__))


run(replaced())


# async for over an async generator, and tuple targets
async def agen():
    for i in range(3):
        await sleep0()
        yield i, i * i


async def pairs():
    out = []
    async for a, b in agen():
        out.append(a + b)
    return out


print(run(pairs()))
