# repr, ascii, format
print(repr('a'), repr("it's"), repr('"q"'), repr('both \' "'), repr('\n\t\\'), repr('é€😀'), repr('\x00\x1f\x7f\x80\xa0'))
print(ascii('é€😀'), ascii('plain'), ascii(['é']), ascii('\n'), ascii(b'\xff'))
print(repr(1), repr(1.0), repr([1, 'a']), repr((1,)), repr({'a': (1, 2)}), repr(None), repr(b'x'), repr(set()), repr(frozenset()), repr({1}))
print(format(5), format(5, '03'), format('s', '^5'), format(3.14159, '.2f'), format(10, 'b'), format(1e6, ','), format(0.5, '%'), format(True), format(None))
class F:
    def __format__(self, spec): return 'F:' + spec
print(format(F(), 'xyz'), f'{F():abc}', '{:q}'.format(F()))
try:
    format(5, 'z')
except ValueError as e:
    print(type(e).__name__, e)
try:
    format('s', 'd')
except ValueError as e:
    print(type(e).__name__, e)
try:
    format(object(), 'x')
except TypeError as e:
    print(type(e).__name__, e)
print(repr(''), repr("'"), repr('\u2028'), repr(chr(0x10ffff)), repr('\U0001f600'))
