# types.GenericAlias substitution with TypeVarTuple and unpacked tuples (PEP 646),
# as CPython 3.11's _Py_subs_parameters does it.
import pickle, copy
from typing import TypeVar, TypeVarTuple, Tuple, Generic, Unpack

T = TypeVar('T'); T1 = TypeVar('T1'); T2 = TypeVar('T2')
Ts = TypeVarTuple('Ts')

cases = [
    ("tuple[*Ts]", lambda: tuple[*Ts][int, str]),
    ("tuple[*Ts][()]", lambda: tuple[*Ts][()]),
    ("tuple[T, *Ts][int]", lambda: tuple[T, *Ts][int]),
    ("tuple[T, *Ts][int, str, bool]", lambda: tuple[T, *Ts][int, str, bool]),
    ("tuple[*Ts, T][int, str]", lambda: tuple[*Ts, T][int, str]),
    ("tuple[T1, *Ts, T2][int, str]", lambda: tuple[T1, *Ts, T2][int, str]),
    ("tuple[list[T], *Ts][int, str]", lambda: tuple[list[T], *Ts][int, str]),
    ("tuple[*Ts][*tuple[int, ...]]", lambda: tuple[*Ts][*tuple[int, ...]]),
    ("tuple[T, *Ts][str, *tuple[int, ...]]", lambda: tuple[T, *Ts][str, *tuple[int, ...]]),
    ("tuple[*Ts][*Tuple[int, str]]", lambda: tuple[*Ts][*Tuple[int, str]]),
    ("list[T][*tuple[int]]", lambda: list[T][*tuple[int]]),
    ("dict[T1, T2][*tuple[int, str]]", lambda: dict[T1, T2][*tuple[int, str]]),
    ("dict[T1, T2][int, *tuple[str]]", lambda: dict[T1, T2][int, *tuple[str]]),
    ("dict[T1, T2][*tuple[()], *tuple[int, str]]", lambda: dict[T1, T2][*tuple[()], *tuple[int, str]]),
    ("tuple[T1, *tuple[T2, ...]][int, str]", lambda: tuple[T1, *tuple[T2, ...]][int, str]),
    ("tuple[T, *tuple[tuple[*Ts], ...]][int, str, bool]",
     lambda: tuple[T, *tuple[tuple[*Ts], ...]][int, str, bool]),
    ("dict[T1, T2][int]", lambda: dict[T1, T2][int]),
    ("dict[T1, T2][int, str, bool]", lambda: dict[T1, T2][int, str, bool]),
    ("tuple[T1, *Ts, T2][int]", lambda: tuple[T1, *Ts, T2][int]),
    ("list[int][int]", lambda: list[int][int]),
    ("tuple[T, T][*tuple[int, ...]]", lambda: tuple[T, T][*tuple[int, ...]]),
]
for name, f in cases:
    try:
        print(name, '->', f())
    except TypeError as e:
        print(name, '-> TypeError:', e)

# the starred alias itself
star = next(iter(tuple[int, str]))
print(star, star.__unpacked__, star.__typing_unpacked_tuple_args__)
print(tuple[int].__typing_unpacked_tuple_args__, list[int].__typing_unpacked_tuple_args__)
print(next(iter(list[int])).__typing_unpacked_tuple_args__)
print([*tuple[int]], star == next(iter(tuple[int, str])), star == tuple[int, str])
starred_sub = next(iter(tuple[T]))[int]
print(starred_sub, starred_sub.__unpacked__)

# pickling and copying, the starred form included
for a in (list[int], dict[str, list[T]], star, tuple[*Ts], tuple[int, *Ts][str, bool]):
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        b = pickle.loads(pickle.dumps(a, proto))
        assert b == a and type(b) is type(a), (a, proto, b)
    print('pickle', a, copy.copy(a) == a, copy.deepcopy(a) == a)
it = iter(tuple[int])
print(it.__reduce__()[1], next(it), list(it), it.__reduce__()[1])
print(type(list[int]).__reduce__(list[int]))
