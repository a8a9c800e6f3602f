# !r !s !a conversions
class P:
    def __repr__(self):
        return 'P-repr'
    def __str__(self):
        return 'P-str'
    def __format__(self, spec):
        return 'P-format[' + spec + ']'
p = P()
print(f'{p}', f'{p!r}', f'{p!s}', f'{p!a}', f'{p:xyz}')
s = 'caf\u00e9'
print(f'{s!r}', f'{s!a}', f'{s!s}', f'{s!r:>12}|')
print(f'{"x"!r}', f'{3!r}', f'{None!s}', f'{[1, "a"]!a}')
print(format(p, 'spec'), str(p), repr(p), ascii(p))
