# __repr__ and __str__
class Both:
    def __repr__(self): return 'Both()'
    def __str__(self): return 'both as str'
class ReprOnly:
    def __repr__(self): return 'ReprOnly!'
class StrOnly:
    def __str__(self): return 'StrOnly!'
b, r = Both(), ReprOnly()
print(b, repr(b), str(b), [b], f'{b}', f'{b!r}', '%s %r' % (b, b))
print(r, str(r), [r], {'k': r}, (r,))
print(str(StrOnly()), repr(StrOnly()).startswith('<__main__.StrOnly object at '))
class Bad:
    def __repr__(self): return 5
try:
    repr(Bad())
except TypeError as e:
    print(type(e).__name__, e)
class Rec:
    def __init__(self): self.items = [self]
    def __repr__(self): return f'Rec({len(self.items)})'
print(Rec())
print(repr(Both), str(int), repr(len), repr(print))
