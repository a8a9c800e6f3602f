# what CPython declares as read-only members of builtin types are member_descriptors (types.MemberDescriptorType), with __qualname__ and __objclass__
import types
descriptors = [complex.real, float.real, int.__add__]
for d in descriptors:
    print(type(d).__name__, d.__qualname__, d.__name__, d.__objclass__, d.__doc__)
print(types.MemberDescriptorType, type(complex.real) is types.MemberDescriptorType)
print(complex.real.__get__(3j), (2+3j).imag)
for f in (lambda: setattr(1j, 'real', 2), lambda: delattr(1j, 'real'), lambda: complex.real.__get__(1)):
    try: f()
    except (AttributeError, TypeError) as e: print(type(e).__name__, e)
class S:
    __slots__ = ['x']
print(S.x, S.x.__qualname__, S.x.__doc__, S.x.__objclass__)
print(repr(complex.real))
def fn(): pass
print(type(types.FunctionType.__globals__).__name__)
