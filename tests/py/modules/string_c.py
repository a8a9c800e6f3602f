# _string: formatter_parser and formatter_field_name_split (what CPython's
# string.Formatter uses), lazily, with CPython's items and errors.
import _string, string
for s in ['', 'abc', 'a{{b', 'a}}b{{', '{0}', 'x{a.b[1]!r:>{w}}y', '{!s}', '{:}', '{0!a}',
          '{[0]}', '{a[x}y]}', 'tail {} end', '{{}}', 'é{é!r:ü}ü', '{0:{1}{2}}']:
    print(repr(s), list(_string.formatter_parser(s)))
for s in ['{', '}', 'a{0', '{0!}', '{0!r', '{0!rx}', '{0:{', 'ab}c', 'x{{y}', '{a{b}']:
    it = _string.formatter_parser(s)
    got = []
    try:
        for x in it:
            got.append(x)
    except ValueError as e:
        print(repr(s), got, 'ValueError:', e)
    else:
        print(repr(s), got)
for s in ['', '0', 'abc', '12.x[3][k].y', 'a[]', 'a.', 'a[0]x', 'a[0', '٣', '0' * 30, 'a[' + '9' * 30 + ']']:
    try:
        first, rest = _string.formatter_field_name_split(s)
        print(repr(s), repr(first), type(rest).__name__, list(rest))
    except ValueError as e:
        print(repr(s), 'ValueError:', e)
for bad in (1, b'x', None):
    for f in (_string.formatter_parser, _string.formatter_field_name_split):
        try:
            f(bad)
        except TypeError as e:
            print('TypeError:', e)
print(type(_string.formatter_parser('')).__name__, iter(_string.formatter_parser('x')) is not None)
fm = string.Formatter()
print(fm.format('{0}-{name!r:>6}-{x[1]}-{y.real}', 1, name='n', x=[0, 'one'], y=3j))
print(list(fm.parse('a{b}c{{')))
try:
    fm.format('{0!x}', 1)
except ValueError as e:
    print('ValueError:', e)
