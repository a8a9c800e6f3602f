# split / rsplit / join / splitlines
s = 'a,b,,c'
print(s.split(','), s.split(',', 1), s.rsplit(',', 1), s.split(',', -1), s.split(',', 0))
print('  a  b \t c\n'.split(), ' x '.split(' '), ''.split(), ''.split(','), 'abc'.split('abc'))
print('a b c d'.rsplit(None, 2), 'a b c d'.split(None, 2), '  lead'.rsplit(), '1::2::3'.split('::'))
print('-'.join(['x', 'y', 'z']), ''.join([]), ', '.join('abc'), '.'.join(map(str, range(4))))
print('l1\nl2\r\nl3\rl4'.splitlines(), 'a\nb\n'.splitlines(True), ''.splitlines(), 'x\n\ny'.splitlines())
try:
    'a'.split('')
except ValueError as e:
    print(type(e).__name__, e)
try:
    ','.join(['a', 1])
except TypeError as e:
    print(type(e).__name__, e)
print('a\tb\x0bc\x0cd\x1ce'.split(), 'k=v=w'.partition('='), 'k=v=w'.rpartition('='), 'kv'.partition('='), 'kv'.rpartition('='))
