# The builtins aiter() and anext().
import types


@types.coroutine
def sleep0():
    yield 'tick'


def drive(aw):
    try:
        while True:
            print('  loop got', aw.send(None))
    except StopIteration as e:
        return ('value', e.value)
    except BaseException as e:
        return (type(e).__name__, str(e))


async def ag():
    await sleep0()
    yield 1
    yield 2


g = ag()
print(aiter(g) is g)
print(drive(anext(g)))
print(drive(anext(g, 'default')))
print(drive(anext(g, 'default')))
print(drive(anext(g)))
a = anext(ag(), 0)
print(type(a).__name__, a.__await__() is a)
print(drive(a))


class Counter:
    def __init__(self):
        self.n = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        self.n += 1
        if self.n > 2:
            raise StopAsyncIteration
        return self.n


c = aiter(Counter())
print(drive(anext(c)), drive(anext(c, 'd')), drive(anext(c, 'd')), drive(anext(c)))


class BadAiter:
    def __aiter__(self):
        return 1


for args in [(1,), (BadAiter(),), (Counter(), 2)]:
    try:
        aiter(*args)
    except TypeError as e:
        print(e)
for args in [(1,), (1, 2), (), (Counter(),)]:
    try:
        anext(*args)
    except TypeError as e:
        print(e)


async def use():
    it = aiter(Counter())
    return [await anext(it), await anext(it), await anext(it, 'end')]


print(drive(use()))
