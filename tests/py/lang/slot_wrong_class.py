# a class that borrows another type's slot (__eq__ = str.__eq__) gets CPython's TypeError, not the other type's code run on its instances
class A(int):
    __eq__ = str.__eq__
    __add__ = str.__add__
a = A()
for f in (lambda: a == a, lambda: a + a, lambda: A.__eq__(a, a), lambda: str.__add__(1, "x")):
    try: print(f())
    except TypeError as e: print("TypeError", e)
class B(list):
    __len__ = dict.__len__
try: print(len(B()))
except TypeError as e: print("TypeError", e)
