# An index too big for a C ssize_t: IndexError for a subscript, OverflowError
# for a count or a size (CPython's PyNumber_AsSsize_t with either exception).
import os
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'index_overflow.py')
ft = open(path)
fb = open(path, 'rb')
big = 2 ** 70

class Idx:
    def __index__(self): return big

cases = [
    ('bytes(big)', lambda: bytes(big)),
    ('bytearray(big)', lambda: bytearray(big)),
    ('bytes(-big)', lambda: bytes(-big)),
    ('bytearray(Idx())', lambda: bytearray(Idx())),
    ('bytes * big', lambda: b'a' * big),
    ('bytearray * big', lambda: bytearray(b'a') * big),
    ('str * big', lambda: 'a' * big),
    ('tuple * big', lambda: (1,) * big),
    ('list * big', lambda: [1] * big),
    ('bytes[big]', lambda: b'abc'[big]),
    ('bytearray[big]', lambda: bytearray(b'abc')[big]),
    ('str[big]', lambda: 'abc'[big]),
    ('list[big]', lambda: [1][big]),
    ('tuple[Idx()]', lambda: (1,)[Idx()]),
    ('bin read(big)', lambda: fb.read(big)),
    ('bin readline(big)', lambda: fb.readline(big)),
    ('bin readlines(big)', lambda: len(fb.readlines(big)) > 0),
    ('text read(big)', lambda: ft.read(big)),
    ('text readline(big)', lambda: ft.readline(big)),
    ('text readline(-big)', lambda: ft.readline(-big)),
    ('text readline(None)', lambda: ft.readline(None)),
    ('text read(1.5)', lambda: ft.read(1.5)),
    ('open(buffering=big)', lambda: open(path, buffering=big)),
    ('open(buffering=2**40)', lambda: open(path, buffering=2 ** 40)),
    ('open(buffering=1.5)', lambda: open(path, buffering=1.5)),
]
for label, f in cases:
    try:
        r = f()
        print(label, 'ok', r if isinstance(r, bool) else type(r).__name__)
    except Exception as e:
        print(label, type(e).__name__, e)
ft.close()
fb.close()
