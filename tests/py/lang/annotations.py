# annotations are accepted and stored
def f(a: int, b: 'str' = 'x', *args: int, c: float = 1.0, **kw: dict) -> list:
    return [a, b, args, c, kw]
print(f(1))
print(sorted(f.__annotations__))
print(f.__annotations__['return'], f.__annotations__['b'])
x: int = 5
y: list
print(x)
print(__annotations__)
class C:
    field: int = 3
    other: str
print(C.field, C.__annotations__)
