@dec
@dec.attr(1)
@(lambda f: f)
def f(a, b: int = 1, *args: str, c, d=2, **kw: dict) -> None:
    """doc"""
    nonlocal x
    return a

def g(a, /, b, *, c): return
def h(*, a=1): yield
def i(a=1, /, b=2): yield from x
def j(a, /): pass
def k(**kw): pass
def l(*a): pass
class C:
    x = 1
    def m(self): return self.x
class D(): pass
class E(object, metaclass=M): pass
async def co():
    await x
    async for i in y: pass
    async with a as b: pass
    return [await z async for z in w]
