# collections.abc.Callable[...] (the library's _CallableGenericAlias, a
# GenericAlias subclass) and its substitution, pickling and repr.
import collections.abc as cabc
import pickle, typing
from typing import TypeVar, ParamSpec, Concatenate
T = TypeVar('T'); P = ParamSpec('P')
C = cabc.Callable
for a in (C[[int], str], C[..., T], C[[], None], C[P, T], C[Concatenate[int, P], T]):
    print(a, type(a).__name__, a.__args__, a.__parameters__)
print(C[[int], T][str], C[P, T][[int, str], bool], C[..., T][int])
print(C[[int], str] == C[[int], str], hash(C[[int], str]) == hash(C[[int], str]))
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    x = C[[int, str], T]
    y = pickle.loads(pickle.dumps(x, proto))
    assert x == y and type(x) is type(y)
print(typing.get_args(C[[int], str]), typing.get_origin(C[[int], str]))
for bad in (lambda: C[int], lambda: C[[int]], lambda: C[int, str, bool]):
    try:
        bad()
    except TypeError as e:
        print('TypeError:', e)
def f(x: C[[int], str]) -> None: pass
print(typing.get_type_hints(f))
