# Small gaps found while loading CPython's library.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

# int.__new__(bool) is refused (bool has its own __new__)
show(lambda: int.__new__(bool, 0))
show(lambda: int.__new__(bool))
show(lambda: int.__new__(int, '7'))
show(lambda: bool.__new__(bool, 3))
class I(int):
    pass
show(lambda: type(int.__new__(I, 5)))

# float.__getformat__
show(lambda: float.__getformat__('double'))
show(lambda: float.__getformat__('float'))
show(lambda: (1.0).__getformat__('double'))
show(lambda: float.__getformat__('long'))
show(lambda: float.__getformat__(1))
show(lambda: float.__getformat__())
show(lambda: float.__getformat__('a', 'b'))
print(float.__getformat__.__doc__)
