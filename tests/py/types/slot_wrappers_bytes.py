# object.__init__ and friends are slot wrappers (types.WrapperDescriptorType is
# type(object.__init__)); bytes has __bytes__ (typing.SupportsBytes).
import types, typing
print(type(object.__init__), object.__init__, list.__init__, type.__call__)
print(types.WrapperDescriptorType, isinstance(object.__str__, types.WrapperDescriptorType))
print(isinstance(object.__init__, types.WrapperDescriptorType))
print(typing.get_type_hints(object.__str__), typing.get_type_hints(object.__init__))
try:
    object.__init__()
except TypeError as e:
    print('TypeError:', e)
print(bytes.__bytes__, b'ab'.__bytes__(), bytes.__bytes__.__doc__)
class B(bytes):
    pass
r = B(b'xy').__bytes__()
print(type(r), r, bytes(B(b'z')), type(bytes(B(b'z'))))
print(issubclass(bytes, typing.SupportsBytes), isinstance(b'', typing.SupportsBytes))
print(issubclass(bytearray, typing.SupportsBytes), hasattr(bytearray, '__bytes__'))
try:
    bytes.__bytes__(1)
except TypeError as e:
    print('TypeError:', e)
