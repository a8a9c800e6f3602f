# strip family, startswith/endswith, find/index/count
s = '  hello world  '
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), 'xxhixx'.strip('x'), 'abcba'.strip('ab'), '\t\n x\n'.strip())
w = 'hello world'
print(w.startswith('he'), w.startswith(('x', 'hell')), w.endswith('ld'), w.endswith('o', 0, 5), w.startswith('wor', 6))
print(w.find('o'), w.find('o', 5), w.find('zz'), w.rfind('o'), w.rfind('o', 0, 5), w.find(''), w.rfind(''))
print(w.index('w'), w.rindex('l'), w.count('l'), w.count('l', 4), w.count(''), 'aaaa'.count('aa'))
try:
    w.index('zz')
except ValueError as e:
    print(type(e).__name__, e)
try:
    w.rindex('zz')
except ValueError as e:
    print(type(e).__name__, e)
print(w.replace('l', 'L'), w.replace('l', 'L', 2), w.replace('', '-'), 'aaa'.replace('a', 'bb'), w.replace('zz', 'y'))
print('ab'.removeprefix('a'), 'ab'.removesuffix('b'), 'ab'.removeprefix('x'))
print(w.upper(), 'MiXeD'.lower(), 'hello wORLD foo'.title(), 'hELLO'.capitalize(), 'Hello'.swapcase(), 'Straße'.casefold(), "they're bill's".title())
