# printf-style % formatting of str and bytes (found by tools/difffuzz.py):
# bytes formatting says "%d format" for %i and "float argument required" for
# %f (replacing any conversion error), %c takes any __index__ object, a byte
# >= 0x80 as the conversion is CPython's OverflowError, and a str argument is
# never a mapping for %(key)s while bytes are one for str formatting.
class I:
    def __index__(self): return 65
    def __repr__(self): return 'I()'
class Big:
    def __index__(self): return 2**70
    def __repr__(self): return 'Big()'
class Bad:
    def __index__(self): raise KeyError('idx')
    def __repr__(self): return 'Bad()'
class Fb:
    def __float__(self): return 'x'
    def __repr__(self): return 'Fb()'
args = ['ab', None, 1.5, b'x', I(), Big(), Bad(), Fb(), 10**400, -1, 256, 0x110000, [1], 'é', b'\xff']
for conv in ['%i', '%d', '%u', '%x', '%f', '%e', '%g', '%c', '%5c', '%-3c']:
    for fmt in (conv, conv.encode()):
        for a in args:
            try:
                print(repr(fmt), repr(a), repr(fmt % (a,)))
            except Exception as e:
                print(repr(fmt), repr(a), type(e).__name__, e)
for fmt in [b'%\x01', b'%\x1f', b'%\x7f', b'%\xe9', b'%\x80', '%\x01', '%\x1f', '%\x7f', '%\u20ac', '%y']:
    try:
        fmt % 5
    except Exception as e:
        print(repr(fmt), type(e).__name__, repr(str(e)))
for fmt in ['%(a)s', '%(a)d %s', '%(a', b'%(a)s', b'%(a', b'%(a)*d']:
    for a in ['x', b'x', bytearray(b'x'), {'a': 1}, {b'a': 2}, (1,)]:
        try:
            print(repr(fmt), repr(a), repr(fmt % a))
        except Exception as e:
            print(repr(fmt), repr(a), type(e).__name__, e)
