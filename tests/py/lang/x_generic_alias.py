import collections
def f(x: list[int], y: dict[str, tuple[int, ...]] = None) -> set[frozenset[str]]:
    return x
print(f([1]), f.__annotations__)
class C:
    items: list[str] = []
    pairs: dict[str, list[tuple[int, int]]]
print(C.__annotations__)
a = list[int]
print(a, repr(a), a.__origin__, a.__args__, a.__parameters__, a("xy"), a == list[int], a != list[str], a == list)
print(hash(a) == hash(list[int]), type(a).__name__ if False else "", {a: 1}[list[int]])
print(tuple[()], tuple[int], tuple[int, str], type[int], dict[str, None], list[None], list["Fwd"], list[collections.OrderedDict])
print(list[list[list[int]]], list[int, str], a.append is list.append, dict[str, int].fromkeys("ab", 0))
x: list[int] = [1, 2]
print(x, __annotations__)
