# types.GenericAlias: attributes come from the origin except its own, calling it
# records __orig_class__, it can be subclassed, and its repr follows CPython's.
import types
from typing import TypeVar, Tuple, Generic

T = TypeVar('T')
GA = types.GenericAlias

a = list[int]
print(a.__doc__ == list.__doc__, a.__module__, a.__class__, a.__name__, a.__qualname__)
print(a.__origin__, a.__args__, a.__parameters__, a.__unpacked__)
print(a.append is list.append, a.__repr__ is list.__repr__, repr(a))
try:
    a.nonexistent
except AttributeError as e:
    print('AttributeError:', e)
print(dir(a) == dir(list) or 'differs')

class MyTup(Tuple[T, T]):
    pass

class MyList(list):
    pass

print(MyTup[int]().__orig_class__, MyTup[int]().__class__)
m = MyList[int]([1, 2])
print(m, m.__orig_class__, type(m))
print(list[int]([3]), dict[str, int](a=1))   # no __dict__: nothing recorded, no error

class Sub(GA):
    __slots__ = ()
    def __repr__(self):
        return 'Sub:' + super().__repr__()

s = Sub(list, (T,))
print(type(s).__name__, s, s == list[T], s[int], type(s[int]).__name__)
print(isinstance(s, GA), GA(list, int), GA(dict, (str, int)))
try:
    GA(list)
except TypeError as e:
    print('TypeError:', e)
try:
    GA(list, int, x=1)
except TypeError as e:
    print('TypeError:', e)

class Q:
    __qualname__ = 'Q.inner'
    __module__ = 'mod'
class NoMod:
    pass
NoMod.__module__ = None
print(GA(list, (Q, NoMod, ..., list[int], 3, 'x')))
print(list[[int, str]], tuple[()], dict[str, ...])
try:
    isinstance([], list[int])
except TypeError as e:
    print('TypeError:', e)
try:
    issubclass(list, list[int])
except TypeError as e:
    print('TypeError:', e)

# dir() of an alias: the origin's names and the alias's own
d = set(dir(list[int]))
print(d.issuperset(dir(list)), [n for n in ('__origin__', '__args__', '__parameters__', '__unpacked__') if n in d])
print(dir(list[int]) == sorted(dir(list[int])))

# more classes are generic (PEP 585)
import os, multiprocessing.queues, concurrent.futures.thread
async def agen():
    yield 1
for t in (enumerate, type(agen()), os.DirEntry, multiprocessing.queues.SimpleQueue,
          concurrent.futures.thread._WorkItem):
    print(t[int].__origin__ is t, t[int].__args__)
