# the reduce protocol: __slotnames__, __getnewargs_ex__ looked up on the type, __slots__ without __getstate__ below protocol 2
import copyreg, pickle
state = {"a": 1, "b": 2}
class C14:
    __slots__ = tuple(state)
    def __init__(self):
        for name, value in state.items():
            setattr(self, name, value)
obj = C14()
print(type(obj).__getstate__ is object.__getstate__, getattr(obj, "__slots__", None))
for proto in range(6):
    try: print(proto, obj.__reduce_ex__(proto)[2:])
    except TypeError as e: print(proto, "TypeError", e)
try: obj.__reduce__()
except TypeError as e: print("TypeError", e)
class S(str): pass
class A:
    __slotnames__ = [S('spam')]
    def __getattr__(self, attr):
        if attr == 'spam':
            A.__slotnames__[:] = [S('spam')]
            return 42
        else:
            raise AttributeError
print(A().__reduce_ex__(2)[1:])
class Picky:
    def __getstate__(self):
        return {}
    def __getattr__(self, attr):
        if attr in ("__getnewargs__", "__getnewargs_ex__"):
            raise AssertionError(attr)
        return None
for proto in range(6):
    print(Picky().__reduce_ex__(proto)[1:] if proto >= 2 else type(Picky().__reduce_ex__(proto)))
class I(int): pass
print(I(3).__reduce_ex__(2)[1:])
