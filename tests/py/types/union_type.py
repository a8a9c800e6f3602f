# PEP 604: int | str builds a types.UnionType (flattened, deduplicated, None as NoneType), compared and hashed as a set, usable in isinstance/issubclass; GenericAlias joins in, type variables substitute.
def show(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)
u = int | str
UnionType = type(u)
print(UnionType, UnionType.__module__, UnionType.__name__, UnionType.__qualname__)
print(u.__module__, u.__args__, u.__parameters__, type(u.__args__))
show(lambda: hasattr(u, '__instancecheck__'))
print(int | None, None | int, (int | None).__args__)
print(list[int] | None, int | list[int] | int | list[int], dict[str, int] | list[int] | dict[str, int])
print(int | int, (int | str) | float, int | (str | float), int | str | int | None | str)
print(u == (str | int), u == (int | str | int), u != (str | int), u != (int | float), u == int, (int|str) == (int|str|float))
print(hash(u) == hash(str | int), hash(u) == hash(frozenset((int, str))))
print(isinstance(1, u), isinstance(None, int | None), isinstance('', int | float), issubclass(bool, u), issubclass(float, u))
print(isinstance(1, (str, int | None)), issubclass(int, (str, float | int)), isinstance([], list | dict[str, int]))
class A: pass
class B(A): pass
print(A | B, isinstance(B(), A | int), {A | B: 1}[B | A], A | None | B)
class M(type): pass
class C(metaclass=M): pass
print(C | int, M | type, type | M)
import collections
print(collections.OrderedDict | None)
cases = [lambda: int | 'str', lambda: 'str' | int, lambda: int | 1, lambda: 1 | int, lambda: isinstance(1, int | list[int]),
         lambda: isinstance('', int | list[int]), lambda: issubclass(int, int | list[int]), lambda: issubclass(str, int | list[int]),
         lambda: isinstance(1, list[int]), lambda: issubclass(int, list[int]), lambda: u[int], lambda: UnionType(),
         lambda: u.__or__(1), lambda: u.__or__(float), lambda: u.__ror__(None), lambda: type.__or__(int, str), lambda: type.__ror__(int, str),
         lambda: issubclass(u, object), lambda: u | None | 1, lambda: u.__origin__, lambda: list[int] | 3,
         lambda: u.__args__.__class__, lambda: UnionType.__or__, lambda: len({int|str, str|int, int|float}),
         lambda: list[int].__parameters__,
         lambda: list[int][int], lambda: class_x()]
for c in cases:
    show(c)
class TV:
    def __init__(s, n): s.n = n
    def __repr__(s): return '~' + s.n
    def __typing_subst__(s, arg): return arg
T = TV('T'); S = TV('S')
print(list[T], list[T].__parameters__, dict[T, list[S]].__parameters__, (list[T] | None).__parameters__)
print(list[T][int], dict[T, list[S]][str, int], (list[T] | dict[S, T])[int, str], (list[T] | None)[int])
print(dict[T, T].__parameters__, dict[T, T][int], (list[T] | list[S])[int, int])
for t in [lambda: list[T][int, str], lambda: dict[T, S][int], lambda: (list[T] | None)[()], lambda: (list[T] | None)[int, str]]:
    show(t)
def class_x():
    class X(int | str): pass
GA = type(list[int])
for t in [lambda: GA(list, int), lambda: GA(list, (int, str)), lambda: GA(list), lambda: GA(list, int, x=1),
          lambda: GA(list, int, 3), lambda: type(GA(dict, (str, int))), lambda: GA(list, int) == list[int],
          lambda: GA(list, int) | None]:
    show(t)
print(type.__module__, type.__doc__.splitlines()[0], UnionType.__module__, GA.__module__, int.__module__)
show(lambda: type(GA)(1))
print(UnionType.__doc__); print(GA.__doc__)
