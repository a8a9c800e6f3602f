# collections.abc knows coroutines and async generators; the types module names them.
import collections.abc as abc
import types


async def f():
    pass


async def ag():
    yield


c = f()
g = ag()
print(isinstance(c, abc.Coroutine), isinstance(c, abc.Awaitable), isinstance(c, abc.Iterable))
print(isinstance(g, abc.AsyncGenerator), isinstance(g, abc.AsyncIterator), isinstance(g, abc.AsyncIterable))
print(isinstance(g.__anext__(), abc.Awaitable), isinstance(g.aclose(), abc.Awaitable))
print(isinstance(f, abc.Coroutine), isinstance(types.coroutine(lambda: 1), abc.Coroutine))
c.close()


class AI:
    def __aiter__(self):
        return self

    async def __anext__(self):
        raise StopAsyncIteration


print(isinstance(AI(), abc.AsyncIterator), isinstance(AI(), abc.AsyncIterable), issubclass(AI, abc.AsyncGenerator))


class Bad(abc.AsyncIterator):
    pass


try:
    Bad()
except TypeError as e:
    print(e)


class MyCoro(abc.Coroutine):
    def __await__(self):
        yield 'mine'
        return 'done'

    def send(self, v):
        return 'sent %r' % (v,)

    def throw(self, *a):
        raise StopIteration


m = MyCoro()
print(isinstance(m, abc.Coroutine), m.send(1))
m.close()
print(types.CoroutineType.__name__, types.AsyncGeneratorType.__name__, types.GeneratorType.__name__)
print(types.CoroutineType is type(f()), types.AsyncGeneratorType is type(g))
import collections.abc as abc
class G(abc.Generator):
    def send(self, v): return 1
    def throw(self, *a): return super().throw(*a)
class C(abc.Coroutine):
    def __await__(self): yield
    def send(self, v): return 1
    def throw(self, *a): return super().throw(*a)
for cls in (G, C):
    o = cls()
    for a in [(ValueError,), (ValueError, ValueError('x')), (ValueError, None, None)]:
        try: o.throw(*a)
        except ValueError as e: print(repr(e))
    try: o.close()
    except RuntimeError as e: print(e)
